// A throwaway Redis for a test file: Debian's redis-server on a free port of 127.0.0.1, nothing
// saved to disk, stopped at the end. Never a service left running elsewhere.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from './child-server.ts'

export type TestRedis = {
  url: string
  /** Kills the server at once (an outage); `start` brings it back on the same port, empty. */
  kill(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}

export async function startRedis(): Promise<TestRedis> {
  if (!fs.existsSync('/usr/bin/redis-server'))
    throw new Error('redis-server is not installed: run `node scripts/ensure-test-tools.mjs redis-server`')
  const port = await freePort()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-redis-'))
  let child: ChildProcess | undefined
  const start = async () => {
    const started = spawn(
      '/usr/bin/redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child = started
    await new Promise<void>((resolve, reject) => {
      let output = ''
      const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 10_000)
      started.stdout?.on('data', (chunk) => {
        output += chunk
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      started.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis exited with ${code}:\n${output}`))
      })
    })
  }
  const kill = async () => {
    const running = child
    if (!running || running.exitCode !== null) return
    await new Promise((resolve) => {
      running.once('exit', resolve)
      running.kill('SIGKILL')
    })
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    kill,
    start,
    async stop() {
      await kill()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
