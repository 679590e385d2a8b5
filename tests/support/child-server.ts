import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { TEST_SETTINGS } from './server.ts'

const root = path.resolve(import.meta.dirname, '../..')

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** The V8 flags `npm start` gives Node (package.json), so a spawned bundle runs as it does. */
function startNodeFlags(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
  return String(manifest.scripts.start).match(/--[a-z-]+=\S+/g) ?? []
}

/**
 * Starts a Tavolo server process: from the TypeScript sources (with tsx), or the compiled
 * bundle `npm start` runs (dist/server/main.mjs, built by `npm run build` or the browser
 * suite's global setup).
 */
export async function spawnServer(
  env: Record<string, string>,
  from: 'sources' | 'bundle' = 'sources',
): Promise<{ child: ChildProcess; output: () => string }> {
  const entry =
    from === 'bundle' ? [...startNodeFlags(), 'dist/server/main.mjs'] : ['--import', 'tsx', 'server/main.ts']
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { ...process.env, ...TEST_SETTINGS, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000)
    const check = () => {
      if (output.includes('Tavolo is running')) {
        clearTimeout(timer)
        resolve()
      } else if (child.exitCode !== null) {
        clearTimeout(timer)
        reject(new Error(`server exited with ${child.exitCode}:\n${output}`))
      } else setTimeout(check, 50)
    }
    check()
  })
  return { child, output: () => output }
}

/** Runs the server with a given environment and returns how it exited (for bad configuration). */
export function runServerExpectingExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}
