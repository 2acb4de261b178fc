import { nodeSdkClient, browserSdkClient } from '/work/main/scripts/readStiggClient'
import { hostedSdl } from '/work/main/src/emulator/schema/hosted/hostedSdl'
import { buildSchema, TypeInfo, visit, visitWithTypeInfo, getNamedType, validate } from 'graphql'
const schema = buildSchema(hostedSdl)
for (const src of [nodeSdkClient(), browserSdkClient()]) {
  let ok = 0
  for (const [name, doc] of src.documents) {
    const errs = validate(schema, doc); if (errs.length === 0) ok++; else console.log(name, errs[0]!.message)
  }
  console.log(src.label, ok, 'of', src.documents.size)
}
const want = process.argv.slice(2)
for (const src of [nodeSdkClient(), browserSdkClient()]) for (const name of want) {
  const doc = src.documents.get(name); if (!doc) continue
  const ti = new TypeInfo(schema); const seen = new Set<string>()
  visit(doc, visitWithTypeInfo(ti, { Field() { const p = ti.getParentType(); const f = ti.getFieldDef(); if (p && f && f.name !== '__typename') seen.add(p.name + '.' + f.name) } }))
  console.log(src.version, name, seen.size)
}
