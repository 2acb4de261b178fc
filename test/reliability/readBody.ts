import type { IncomingMessage } from 'node:http'

/** The whole request body, as the hops in these tests forward it byte for byte. */
export const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (part: Buffer) => parts.push(part))
    req.on('end', () => resolve(Buffer.concat(parts)))
    req.on('error', reject)
  })
