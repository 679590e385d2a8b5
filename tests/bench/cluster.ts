// `npm run bench:cluster`: the load of a busy programme on `npm run cluster` (three nodes on
// PostgreSQL and Redis behind nginx), with one node killed halfway, and the same load on one
// node with SQLite for comparison. The load is ../shared/bench/sync-bench.mjs through the one
// address clients use. Reports latency, lost and diverged updates, each process's CPU and peak
// RSS, PostgreSQL's commits a second and Redis's traffic. Loopback only; bounded in time.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Redis } from 'ioredis'
import pg from 'pg'
import { exited, freePort, spawnServer } from '../support/child-server.ts'
import { TEST_SETTINGS, tempDataDir } from '../support/server.ts'

const { values: args } = parseArgs({
  options: {
    rooms: { type: 'string', default: '150' },
    clients: { type: 'string', default: '20' },
    rate: { type: 'string', default: '0.3' },
    duration: { type: 'string', default: '30' },
    'no-kill': { type: 'boolean', default: false },
    'skip-sqlite': { type: 'boolean', default: false },
  },
})
const LOAD = [
  '--rooms',
  args.rooms!,
  '--clients',
  args.clients!,
  '--rate',
  args.rate!,
  '--duration',
  args.duration!,
]
const durationS = Math.min(120, Number(args.duration))
const LIMITS = { ...TEST_SETTINGS, MIN_ANONYMOUS_ANSWERS: '3', LOG_LEVEL: 'warn' }

/** What sync-bench --json reports (the fields used here). */
type Load = {
  latencyMs: { p50: number; p95: number; p99: number; max: number }
  delivered: number
  expected: number
  lost: number
  mismatchedRooms: number
  unexpectedCloses: number
  synced: number
  connections: number
  connectSeconds: number
  updatesPerSecond: number
  generator: { coreShare: number; saturated: boolean; loopDelayMs: { p99: number } }
}

function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return Number.NaN
  }
}
function rssMiB(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)
    return line ? Number(line[1]) / 1024 : 0
  } catch {
    return 0
  }
}
/** A process and its descendants (PostgreSQL's backends, nginx's worker). */
function family(pid: number): number[] {
  const all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  const parents = new Map<number, number>()
  for (const d of all) {
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
      parents.set(Number(d), Number(stat.split(') ')[1]!.split(' ')[1]))
    } catch {}
  }
  const found = [pid]
  for (let i = 0; i < found.length; i++)
    for (const [child, parent] of parents) if (parent === found[i]) found.push(child)
  return found
}

class Watch {
  private readonly start = new Map<number, number>()
  private readonly peak = new Map<string, number>()
  private timer: NodeJS.Timeout | undefined
  constructor(private readonly parts: Map<string, number>) {}
  begin() {
    for (const [, pid] of this.parts) for (const p of family(pid)) this.start.set(p, cpuSeconds(p))
    this.timer = setInterval(() => {
      for (const [name, pid] of this.parts) {
        const rss = family(pid).reduce((sum, p) => sum + rssMiB(p), 0)
        this.peak.set(name, Math.max(this.peak.get(name) ?? 0, rss))
      }
    }, 250)
  }
  end() {
    clearInterval(this.timer)
    const cpu = new Map<string, number>()
    for (const [name, pid] of this.parts) {
      let sum = 0
      for (const p of family(pid)) {
        const now = cpuSeconds(p)
        if (!Number.isNaN(now)) sum += now - (this.start.get(p) ?? 0)
      }
      cpu.set(name, sum)
    }
    return { cpu, peak: this.peak }
  }
}

function runLoad(url: string, api: string): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['../shared/bench/sync-bench.mjs', '--url', url, '--api', api, ...LOAD, '--drain', '5', '--json'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    const deadline = setTimeout(() => child.kill('SIGKILL'), (durationS + 240) * 1000)
    child.once('exit', () => {
      clearTimeout(deadline)
      const last = output.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(last) as Load)
      } catch {
        reject(new Error(`sync-bench gave no result:\n${output.slice(-2000)}`))
      }
    })
  })
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-')

function report(title: string, load: Load, usage: ReturnType<Watch['end']>, extra: string[] = []) {
  console.log(`\n${title}`)
  const l = load.latencyMs
  console.log(
    `  clients synced     ${load.synced} of ${load.connections} in ${fmt(load.connectSeconds)} s; ${fmt(load.updatesPerSecond, 0)} updates/s; latency ms p50 ${fmt(l.p50, 2)} p95 ${fmt(l.p95, 2)} p99 ${fmt(l.p99, 2)} max ${fmt(l.max, 2)}`,
  )
  console.log(
    `  load generator     ${fmt(load.generator.coreShare, 2)} of a core, event-loop delay p99 ${fmt(load.generator.loopDelayMs.p99, 1)} ms${load.generator.saturated ? ' (SATURATED: latency is the generator’s)' : ''}`,
  )
  console.log(
    `  updates            delivered ${load.delivered} of ${load.expected}, lost ${load.lost}, diverged rooms ${load.mismatchedRooms}, unexpected closes ${load.unexpectedCloses}`,
  )
  for (const [name, cpu] of usage.cpu)
    console.log(`  ${name.padEnd(18)} CPU ${fmt(cpu, 2)} s   peak RSS ${fmt(usage.peak.get(name) ?? 0)} MiB`)
  for (const line of extra) console.log(`  ${line}`)
}

async function benchCluster() {
  const port = await freePort()
  const dataDir = tempDataDir()
  const cluster: ChildProcess = spawn(process.execPath, ['scripts/cluster.mjs'], {
    env: { ...process.env, ...LIMITS, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  cluster.stdout?.on('data', (c) => {
    output += c
  })
  cluster.stderr?.on('data', (c) => {
    output += c
  })
  try {
    const started = Date.now()
    while (!output.includes('Tavolo is running')) {
      if (cluster.exitCode !== null || Date.now() - started > 90_000)
        throw new Error(`cluster did not start:\n${output}`)
      await new Promise((r) => setTimeout(r, 200))
    }
    const layout = JSON.parse(fs.readFileSync(path.join(dataDir, 'cluster.json'), 'utf8')) as {
      nodes: { port: number; pid: number }[]
    }
    const pids = (name: string) =>
      fs
        .readdirSync('/proc')
        .filter((d) => /^\d+$/.test(d))
        .map(Number)
        .filter((p) => {
          try {
            const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8')
            return Number(stat.split(') ')[1]!.split(' ')[1]) === cluster.pid && stat.includes(`(${name}`)
          } catch {
            return false
          }
        })
    const parts = new Map<string, number>()
    for (const [i, n] of layout.nodes.entries()) parts.set(`node ${i + 1}`, n.pid)
    parts.set('postgresql', pids('postgres')[0]!)
    parts.set('redis', pids('redis-server')[0]!)
    parts.set('nginx', pids('nginx')[0]!)
    // postmaster.pid's fourth line is the port PostgreSQL listens on.
    const pgPort = Number(
      fs.readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3],
    )
    const db = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/tavolo` })
    await db.connect()
    // Stopping the cluster at the end ends this connection too.
    db.on('error', () => {})
    const commits = async () =>
      Number(
        (await db.query("SELECT xact_commit FROM pg_stat_database WHERE datname = 'tavolo'")).rows[0]
          .xact_commit,
      )
    const redisUrl = fs
      .readFileSync(`/proc/${layout.nodes[0]!.pid}/environ`, 'utf8')
      .split('\u0000')
      .find((e) => e.startsWith('REDIS_URL='))!
      .slice('REDIS_URL='.length)
    const redis = new Redis(redisUrl)
    const redisStats = async () => {
      const info = await redis.info('stats')
      const field = (name: string) => Number(info.match(new RegExp(`${name}:(\\d+)`))?.[1] ?? 0)
      return {
        commands: field('total_commands_processed'),
        in: field('total_net_input_bytes'),
        out: field('total_net_output_bytes'),
      }
    }

    const watch = new Watch(parts)
    const [commits0, redis0] = [await commits(), await redisStats()]
    const t0 = Date.now()
    watch.begin()
    const expectedConnections = Number(args.rooms) * Number(args.clients)
    const connected = async () => {
      let sum = 0
      for (const node of layout.nodes) {
        const text = await fetch(`http://127.0.0.1:${node.port}/metrics`).then(
          (r) => r.text(),
          () => '',
        )
        sum += Number(text.match(/^tavolo_connections (\d+)/m)?.[1] ?? 0)
      }
      return sum
    }
    let killed = false
    const killer = args['no-kill']
      ? Promise.resolve()
      : (async () => {
          // Halfway through the measured load: once everyone is connected (sync-bench connects
          // first, warms up 0 s, then writes for the duration), half the duration later.
          const until = Date.now() + 240_000
          while ((await connected()) < expectedConnections * 0.99 && Date.now() < until)
            await new Promise((r) => setTimeout(r, 250))
          await new Promise((r) => setTimeout(r, (durationS / 2) * 1000))
          process.kill(layout.nodes[0]!.pid, 'SIGKILL')
          killed = true
        })()
    const load = await runLoad(`ws://127.0.0.1:${port}/ws`, `http://127.0.0.1:${port}`)
    await killer
    const usage = watch.end()
    const seconds = (Date.now() - t0) / 1000
    const [commits1, redis1] = [await commits(), await redisStats()]
    report(
      `Cluster: 3 nodes + PostgreSQL + Redis + nginx, ${args.rooms} workshops x ${args.clients}, ${args.rate} updates/s each, ${durationS} s${killed ? ', node 1 killed with SIGKILL halfway' : ''}`,
      load,
      usage,
      [
        `PostgreSQL         ${fmt((commits1 - commits0) / seconds, 0)} commits/s over the run (${commits1 - commits0} in ${fmt(seconds, 0)} s, connecting included)`,
        `Redis              ${fmt((redis1.commands - redis0.commands) / seconds, 0)} commands/s, in ${fmt((redis1.in - redis0.in) / seconds / 1024, 0)} KiB/s, out ${fmt((redis1.out - redis0.out) / seconds / 1024, 0)} KiB/s`,
      ],
    )
    await db.end()
    redis.disconnect()
  } finally {
    cluster.kill('SIGTERM')
    await exited(cluster)
  }
}

async function benchSqlite() {
  const port = await freePort()
  const server = await spawnServer({ ...LIMITS, PORT: String(port), DATA_DIR: tempDataDir() }, 'bundle')
  try {
    const watch = new Watch(new Map([['node (SQLite)', server.child.pid!]]))
    watch.begin()
    const load = await runLoad(`ws://127.0.0.1:${port}/ws`, `http://127.0.0.1:${port}`)
    report(
      `One node on SQLite, the same load (${args.rooms} workshops x ${args.clients}, ${args.rate} updates/s, ${durationS} s)`,
      load,
      watch.end(),
    )
  } finally {
    server.child.kill('SIGTERM')
    await exited(server.child)
  }
}

await benchCluster()
if (!args['skip-sqlite']) await benchSqlite()
process.exit(0)
