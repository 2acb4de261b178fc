import { browserSdkCases } from './browserSdkCases'
import { renderMethodTable } from './methodTable'
import { nodeSdkCases } from './nodeSdkCases'

// `npx tsx test/conformance/printMethodTable.ts`: README's SDK-method table from the conformance cases.
console.log(renderMethodTable([...nodeSdkCases, ...browserSdkCases].map(({ sdk, method, scenario, result }) => ({ sdk, method, scenario, result }))))
