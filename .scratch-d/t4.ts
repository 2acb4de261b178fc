import { nodeSdkClient, browserSdkClient } from '../scripts/readStiggClient'
import { hostedSdl } from '../src/emulator/schema/hosted/hostedSdl'
import { buildSchema, TypeInfo, visit, visitWithTypeInfo, getNamedType, isLeafType } from 'graphql'
const schema = buildSchema(hostedSdl)
const byType = new Map<string, Set<string>>()
const want = process.argv.slice(2)
for (const src of [nodeSdkClient(), browserSdkClient()]) for (const name of want) {
  const doc = src.documents.get(name); if (!doc) continue
  const ti = new TypeInfo(schema)
  visit(doc, visitWithTypeInfo(ti, { Field() { const p = ti.getParentType(); const f = ti.getFieldDef(); if (p && f && f.name !== '__typename') { const s = byType.get(p.name) ?? new Set(); s.add(f.name + (isLeafType(getNamedType(f.type)) ? '' : ':' + String(f.type))); byType.set(p.name, s) } } }))
}
for (const [t, s] of [...byType].sort()) console.log(t + ': ' + [...s].join(' '))
