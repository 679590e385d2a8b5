// A throwaway PostgreSQL for a test file: Debian's own server, a cluster in a temp dir on a free
// port of 127.0.0.1, stopped and removed at the end. Never a service left running elsewhere.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort } from './child-server.ts'

function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const version = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined
  if (!version)
    throw new Error('PostgreSQL is not installed: run `node scripts/ensure-test-tools.mjs postgresql`')
  return path.join(root, version, 'bin')
}

/** PostgreSQL refuses to run as root: as root, its files and process belong to `postgres`. */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
  execFileSync(file, argv, { stdio: 'pipe' })
}

export type TestPostgres = {
  port: number
  /** A new empty database on this server, as a DATABASE_URL. */
  newDatabase(): Promise<string>
  /** Stops the server at once, as a crash would (no checkpoint). */
  kill(): void
  /** Starts it again on the same files and port. */
  start(): void
  stop(): Promise<void>
}

/** A new empty database on the test server at `port`, as a DATABASE_URL. */
export async function newDatabase(port: number): Promise<string> {
  const name = `tavolo_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = postgresBin()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-pg-'))
  const data = path.join(dir, 'data')
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir])
  asPostgres(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ])
  const port = await freePort()
  // fsync off: these servers hold test data only; a crash of Tavolo (not of the machine) is
  // what the tests make, and PostgreSQL's commit is as it is in production.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`
  const start = () =>
    asPostgres(path.join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      options,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
    ])
  start()
  return {
    port,
    newDatabase: () => newDatabase(port),
    kill: () => asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']),
    start,
    async stop() {
      try {
        asPostgres(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
