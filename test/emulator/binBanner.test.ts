import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('react-stigg-emulator start-up banner', () => {
  it('prints its GraphQL URL, hosted-schema URL and the default API key, and that key works', { timeout: 30_000 }, async () => {
    const child = spawn('node_modules/.bin/tsx', ['src/bin/emulator.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      let stdout = ''
      const banner = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString()
          if (/API key.*\n/.test(stdout)) resolve(stdout)
        })
        child.on('exit', (code) => reject(new Error(`emulator exited (${code}) before its banner: ${stdout}`)))
      })
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+\/graphql)/.exec(banner)?.[1]
      expect(url).toBeDefined()
      expect(banner).toMatch(/on http:\/\/127\.0\.0\.1:\d+\/hosted\/graphql/)
      const key = /API key[^:]*: (\S+)/.exec(banner)?.[1]
      expect(key).toBe('emulator-api-key')
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key! },
        body: JSON.stringify({ query: '{ customerEntitlement(customerId: "customer-pro", featureId: "feature-sso") { isGranted } }' }),
      })
      expect(response.status).toBe(200)
    } finally {
      child.kill('SIGKILL')
    }
  })
})
