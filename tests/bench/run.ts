// `npm run bench`: the Tavolo server under load from this project's own load generator.
// Starts the server (SQLite persistence on, fresh data dir), opens --rooms workshops with
// --clients each, and once all are synced every client writes --rate updates a second for
// --duration seconds. Reports connect->synced time, propagation latency, lost updates,
// server CPU and memory. Then, unless --server-only, the exports (exports.ts), the client with a
// 300-card board (board.ts) and in a six-person session (session.ts). Loopback only; every loop is bounded in count and time.
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { freePort, spawnServer } from '../support/child-server.ts'
import { createWorkshop, tempDataDir } from '../support/server.ts'
import { LoadClient } from './load-client.ts'

const { values: args } = parseArgs({
  options: {
    rooms: { type: 'string', default: '25' },
    clients: { type: 'string', default: '10' },
    duration: { type: 'string', default: '10' },
    rate: { type: 'string', default: '2' },
    'server-only': { type: 'boolean', default: false },
  },
})
const rooms = Math.min(500, Number(args.rooms))
const clientsPerRoom = Math.min(100, Number(args.clients))
const durationS = Math.min(120, Number(args.duration))
const rate = Math.min(50, Number(args.rate))

type Write = { t: number; seq: number }

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

function rssMiB(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)
  return line ? Number(line[1]) / 1024 : 0
}

const fmt = (n: number) => n.toFixed(2)

async function main() {
  const port = await freePort()
  // What `npm start` runs: the compiled server (built by `npm run bench` first).
  const server = await spawnServer(
    { PORT: String(port), DATA_DIR: tempDataDir(), LOG_LEVEL: 'warn' },
    'bundle',
  )
  const pid = server.child.pid!
  const deadline = setTimeout(() => {
    console.error('bench: watchdog: still running after 5 minutes')
    server.child.kill('SIGKILL')
    process.exit(1)
  }, 300_000)
  try {
    const base = `http://127.0.0.1:${port}`
    const clients: { client: LoadClient; room: number; name: string }[] = []
    const latencies: number[] = []
    const highestSeen = new Map<LoadClient, Map<string, number>>()
    for (let room = 0; room < rooms; room++) {
      const workshop = await createWorkshop(base, { title: `bench ${room}` })
      for (let c = 0; c < clientsPerRoom; c++) {
        const client = new LoadClient(
          `ws://127.0.0.1:${port}/ws/${workshop.id}?key=${workshop.keys.participant}`,
        )
        const name = `r${room}c${c}`
        const seen = new Map<string, number>()
        highestSeen.set(client, seen)
        client.doc.getMap<Write>('bench').observe((event) => {
          const now = performance.timeOrigin + performance.now()
          for (const key of event.keysChanged) {
            if (key === name) continue
            const value = client.doc.getMap<Write>('bench').get(key)
            if (!value) continue
            latencies.push(now - value.t)
            seen.set(key, Math.max(seen.get(key) ?? -1, value.seq))
          }
        })
        clients.push({ client, room, name })
      }
    }
    const started = performance.now()
    await Promise.all(clients.map(({ client }) => client.openedAt))
    while (
      clients.some(({ client }) => client.syncedAt === undefined) &&
      performance.now() - started < 30_000
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const syncTimes = clients
      .map(({ client }) => (client.syncedAt ?? Number.NaN) - (client.openTime ?? Number.NaN))
      .sort((a, b) => a - b)
    const synced = clients.filter(({ client }) => client.syncedAt !== undefined).length

    const cpuBefore = cpuSeconds(pid)
    let peakRss = rssMiB(pid)
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMiB(pid))
    }, 250)
    const sent = new Map<string, number>()
    const loadStart = performance.now()
    // Each client writes on its own phase of the period, so the load is spread, not bursty.
    const period = 1000 / rate
    const nextDue = clients.map((_, i) => loadStart + (i / clients.length) * period)
    let sentTotal = 0
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now()
        const running = now - loadStart < durationS * 1000
        clients.forEach(({ client, name }, i) => {
          if (!running || nextDue[i]! > now) return
          nextDue[i]! += period
          const seq = (sent.get(name) ?? -1) + 1
          sent.set(name, seq)
          client.write(() =>
            client.doc
              .getMap<Write>('bench')
              .set(name, { t: performance.timeOrigin + performance.now(), seq }),
          )
          sentTotal++
        })
        if (!running) {
          clearInterval(timer)
          resolve()
        }
      }, 5)
    })
    // Drain: wait (bounded) until every receiver has every update of its room.
    const expectedOf = () => {
      let expected = 0
      let delivered = 0
      for (const { client, room, name } of clients) {
        const seen = highestSeen.get(client)!
        for (const other of clients) {
          if (other.room !== room || other.name === name) continue
          expected += (sent.get(other.name) ?? -1) + 1
          delivered += (seen.get(other.name) ?? -1) + 1
        }
      }
      return { expected, delivered }
    }
    const drainStart = performance.now()
    while (performance.now() - drainStart < 5000) {
      const { expected, delivered } = expectedOf()
      if (delivered >= expected) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const cpu = cpuSeconds(pid) - cpuBefore
    clearInterval(sampler)
    const { expected, delivered } = expectedOf()
    latencies.sort((a, b) => a - b)
    const unexpectedCloses = clients.filter(({ client }) => client.closedUnexpectedly !== undefined).length

    console.log(
      `Tavolo server, SQLite persistence on: ${rooms} rooms x ${clientsPerRoom} clients, ${rate}/s each, ${durationS} s`,
    )
    console.log(`  synced              ${synced}/${clients.length}`)
    console.log(
      `  connect->synced ms  p50 ${fmt(percentile(syncTimes, 50))}  p99 ${fmt(percentile(syncTimes, 99))}  (socket open to sync step 2, all at once)`,
    )
    console.log(
      `  latency ms          p50 ${fmt(percentile(latencies, 50))}  p95 ${fmt(percentile(latencies, 95))}  p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies.at(-1) ?? Number.NaN)}`,
    )
    console.log(
      `  updates             sent ${sentTotal}  delivered ${delivered}/${expected}  lost ${expected - delivered}`,
    )
    console.log(`  server              CPU ${fmt(cpu)} s in the load window  RSS peak ${fmt(peakRss)} MiB`)
    console.log(
      '  (targets, against the in-memory reference in ../shared/bench/compare.mjs: CPU <= 0.9 and RSS <= 1.0 at 1000 connections, latency p50 <= 1.0 and p99 <= 1.2 at 250)',
    )
    console.log(`  unexpected closes   ${unexpectedCloses}`)
    for (const { client } of clients) client.close()
  } finally {
    clearTimeout(deadline)
    server.child.kill('SIGTERM')
  }
}

await main()
if (!args['server-only']) {
  const { benchExports } = await import('./exports.ts')
  await benchExports()
  const { benchBoard } = await import('./board.ts')
  await benchBoard()
  const { benchSession } = await import('./session.ts')
  await benchSession()
}
