// A new user's app, installed from the packed tarball without network: README.md's TypeScript
// blocks are its source (a block whose first line is `// src/…`, `// vite.config.ts` or
// `// vitest.config.ts` becomes that file; every other block becomes src/readme-N.ts(x)), so a
// README block that does not compile, build, render or pass its test fails here.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { chromiumLaunchOptions } from '../chromium'

const root = fileURLToPath(new URL('../../', import.meta.url))
const run = promisify(execFile)

// What the fixture app has installed besides react-stigg: its peers and the app's own tools,
// linked from this repository. react-stigg's own dependency (graphql) is linked too, and
// nothing else, so an undeclared import in dist/ fails to resolve.
const linked = [
  'react', 'react-dom', '@tanstack/react-query', 'graphql',
  'vite', '@vitejs/plugin-react', 'vitest', 'jsdom', '@testing-library/react', '@testing-library/dom',
  'typescript', 'express', '@types/react', '@types/react-dom', '@types/node', '@types/express',
  '@stigg/node-server-sdk', // the README shows Stigg's own SDK against the emulator
  'ioredis', // the README's shared-cache example
]
const fixturePath = /^\/\/ ((?:src\/[\w./-]+\.tsx?)|vite\.config\.ts|vitest\.config\.ts)\s*$/
const serverImport = /from '(react-stigg\/(server|emulator|vite)|express)'/

interface ReadmeBlock {
  file: string
  server: boolean
}

function writeReadmeBlocks(app: string): ReadmeBlock[] {
  const readme = readFileSync(join(app, 'node_modules/react-stigg/README.md'), 'utf8')
  const blocks = [...readme.matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)].map((match, index) => {
    const [, lang, code] = match as unknown as [string, string, string]
    const file = code.split('\n')[0]!.match(fixturePath)?.[1] ?? `src/readme-${index + 1}.${lang}`
    return { file, code, server: serverImport.test(code) }
  })
  const files = blocks.map((block) => block.file)
  expect(files.filter((file, index) => files.indexOf(file) !== index), 'two README blocks name the same file').toEqual([])
  for (const { file, code } of blocks) {
    mkdirSync(dirname(join(app, file)), { recursive: true })
    writeFileSync(join(app, file), code)
  }
  return blocks
}

/** Child processes get no Vitest variables, so the fixture's own vitest starts as a fresh run. */
const cleanEnv = () => ({
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^VITEST|^NODE_OPTIONS$|^TEST$|^FORCE_COLOR$/.test(key))),
  NO_COLOR: '1',
})

async function tsc(app: string, project: string): Promise<string> {
  try {
    await run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: app })
    return ''
  } catch (error) {
    return (error as { stdout: string }).stdout
  }
}

describe('a consumer app installed from the tarball', () => {
  let app = ''
  let blocks: ReadmeBlock[] = []

  beforeAll(async () => {
    app = mkdtempSync(join(tmpdir(), 'react-stigg-consumer-'))
    cpSync(fileURLToPath(new URL('./fixture', import.meta.url)), app, { recursive: true })
    const installed = join(app, 'node_modules/react-stigg')
    mkdirSync(installed, { recursive: true })
    await run('tar', ['xzf', inject('packageTarball'), '-C', installed, '--strip-components=1'])
    for (const name of linked) {
      mkdirSync(dirname(join(app, 'node_modules', name)), { recursive: true })
      symlinkSync(join(root, 'node_modules', name), join(app, 'node_modules', name), 'dir')
    }
    blocks = writeReadmeBlocks(app)
  })
  afterAll(() => {
    if (app) rmSync(app, { recursive: true, force: true })
  })

  it('type-checks every README block and the fixture, strict, with moduleResolution bundler', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10)
    expect(await tsc(app, 'tsconfig.json')).toBe('')
  })

  it('type-checks the server blocks and the misuse probe under moduleResolution nodenext', async () => {
    const server = blocks.filter((block) => block.server).map((block) => block.file)
    expect(server).toEqual(expect.arrayContaining(['vite.config.ts']))
    writeFileSync(
      join(app, 'tsconfig.node.json'),
      JSON.stringify({
        extends: './tsconfig.json',
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' },
        include: [],
        files: [...server, 'src/session.ts', 'src/probe.tsx'],
      }),
    )
    expect(await tsc(app, 'tsconfig.node.json')).toBe('')
  })

  describe('built with vite and served by stiggDevPlugin', () => {
    let preview: ChildProcess | undefined
    let browser: Browser | undefined
    let url = ''
    let terminal = ''

    beforeAll(async () => {
      await run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app, env: cleanEnv() })
      writeFileSync(
        join(app, 'preview.mjs'),
        "import { preview } from 'vite'\nconst server = await preview({ preview: { port: 0, host: '127.0.0.1' } })\nconsole.log(`READY ${server.resolvedUrls.local[0]}`)\n",
      )
      preview = spawn(process.execPath, ['preview.mjs'], { cwd: app, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] })
      url = await new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          terminal += chunk.toString()
          const ready = terminal.match(/READY (\S+)/)
          if (ready) resolve(ready[1]!)
        }
        preview!.stdout!.on('data', onData)
        preview!.stderr!.on('data', onData)
        preview!.once('exit', (code) => reject(new Error(`vite preview exited with ${code}:\n${terminal}`)))
      })
      browser = await chromium.launch(chromiumLaunchOptions)
    })
    afterAll(async () => {
      await browser?.close()
      preview?.kill()
    })

    it('renders a granted gate and a meter for the customer the dev cookie names', async () => {
      const context = await browser!.newContext()
      await context.addCookies([{ name: 'stigg_demo_customer', value: 'customer-pro', url }])
      const page = await context.newPage()
      await page.goto(url)
      await page.getByText('Advanced analytics unlocked').waitFor()
      await page.getByRole('meter').waitFor()
      expect(await page.getByRole('meter').getAttribute('aria-valuetext')).toMatch(/API calls/)
      await context.close()
    })

    it('tells a signed-out developer how to sign in: once in the terminal, and in the 401 the page gets', async () => {
      expect(terminal.split('\n').filter((line) => line.includes('stigg_demo_customer'))).toHaveLength(1)
      const page = await browser!.newPage()
      const unauthorized = page.waitForResponse((response) => response.url().endsWith('/api/stigg'))
      await page.goto(url)
      const response = await unauthorized
      expect(response.status()).toBe(401)
      expect(await response.text()).toContain('stigg_demo_customer')
      // A production build: the gate fails closed to its fallback, and the console stays quiet.
      await page.getByText('Upgrade to unlock this').waitFor()
      await page.close()
    })

    it("runs the fixture's own vitest test with StiggTestProvider in jsdom", async () => {
      const { stdout } = await run(process.execPath, [join(app, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter', 'verbose'], {
        cwd: app,
        env: cleanEnv(),
      })
      expect(stdout).toMatch(/Tests\s+2 passed/)
    })
  })
})
