import { type ChildProcess, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exited, freePort, spawnServer } from '../../support/child-server.ts'
import { connectProvider, sleep, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, createWorkshop, tempDataDir } from '../../support/server.ts'

/**
 * A real fault: the data directory is a 6 MiB tmpfs that the test fills up while people edit.
 * Mounting needs root (as in CI); elsewhere the test is skipped, saying why.
 */
const mountPoint = tempDataDir()
const mounted = (() => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

let child: ChildProcess | undefined
let port: number
let base: string
let output: () => string
const filler = path.join(mountPoint, 'filler')

async function start() {
  ;({ child, output } = await spawnServer({
    PORT: String(port),
    DATA_DIR: path.join(mountPoint, 'data'),
    COMPACT_AFTER_UPDATES: '100000',
  }))
}

async function stop(signal: NodeJS.Signals) {
  if (!child) return
  child.kill(signal)
  await exited(child)
  child = undefined
}

/** Writes until the filesystem says no more. */
function fillTheDisk() {
  const fd = fs.openSync(filler, 'w')
  const chunk = Buffer.alloc(64 * 1024, 1)
  try {
    for (;;) fs.writeSync(fd, chunk)
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC')
  } finally {
    fs.closeSync(fd)
  }
}

const metric = async (name: string) => {
  const text = await (await fetch(`${base}/metrics`)).text()
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN)
}

beforeAll(async () => {
  if (!mounted) return
  port = await freePort()
  base = `http://127.0.0.1:${port}`
  await start()
})

afterAll(async () => {
  await stop('SIGKILL')
  if (mounted) execFileSync('umount', [mountPoint])
})

describe.skipIf(!mounted)('a disk that fills up mid-edit (6 MiB tmpfs; needs root to mount)', () => {
  it('keeps serving, relays nothing unstored, says so, and recovers without a restart', async () => {
    const a: CreatedWorkshop = await createWorkshop(base, { title: 'Workshop A' })
    const b: CreatedWorkshop = await createWorkshop(base, { title: 'Workshop B' })
    const wsBase = `ws://127.0.0.1:${port}/ws`
    const writer = connectProvider(wsBase, a.id, a.keys.participant)
    const observer = connectProvider(wsBase, a.id, a.keys.facilitator)
    await Promise.all([whenSynced(writer.provider), whenSynced(observer.provider)])
    writer.doc.getMap('probe').set('before', 'stored before the disk filled')
    await expect.poll(() => observer.doc.getMap('probe').get('before')).toBeDefined()
    const closeCodes: number[] = []
    writer.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closeCodes.push(event.code)
    })

    fillTheDisk()
    const big = 'x'.repeat(400_000)
    writer.doc.getMap('probe').set('big', big)

    // The sender is told (1011), the server stays up and says it cannot write.
    await expect.poll(() => closeCodes, { timeout: 10_000 }).toContain(1011)
    expect(child?.exitCode, output()).toBeNull()
    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(503)
    expect(((await health.json()) as { error: string }).error).toMatch(/full/)
    expect(await metric('tavolo_storage_writable')).toBe(0)
    expect(await metric('tavolo_failed_commits_total')).toBeGreaterThan(0)

    // Nobody is sent what was not stored: not the others in the room, not a newcomer, not an export.
    await sleep(500)
    expect(observer.doc.getMap('probe').get('big')).toBeUndefined()
    const newcomer = connectProvider(wsBase, a.id, a.keys.viewer)
    await whenSynced(newcomer.provider)
    expect(newcomer.doc.getMap('probe').get('before')).toBe('stored before the disk filled')
    expect(newcomer.doc.getMap('probe').get('big')).toBeUndefined()
    newcomer.provider.destroy()
    const exported = await fetch(`${base}/api/workshops/${a.id}/exports/workshop.json`, {
      headers: { authorization: `Bearer ${a.keys.viewer}` },
    })
    expect(exported.status).toBe(200)
    expect(await exported.text()).not.toContain(big.slice(0, 1000))

    // Other workshops stay readable; writes elsewhere are refused with 503, never accepted.
    const reader = connectProvider(wsBase, b.id, b.keys.viewer)
    await whenSynced(reader.provider)
    expect(reader.doc.getMap('meta').get('title')?.toString()).toBe('Workshop B')
    reader.provider.destroy()
    const info = await fetch(`${base}/api/workshops/${b.id}`, {
      headers: { authorization: `Bearer ${b.keys.facilitator}` },
    })
    expect(info.status).toBe(200)
    const created = await fetch(`${base}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(200), demo: true }),
    })
    expect([201, 503]).toContain(created.status)

    // Space comes back: the writer's client sends its change again and it goes through.
    fs.rmSync(filler)
    await expect.poll(() => observer.doc.getMap('probe').get('big'), { timeout: 15_000 }).toBe(big)
    await expect.poll(async () => (await fetch(`${base}/healthz`)).status, { timeout: 5000 }).toBe(200)
    expect(await metric('tavolo_storage_writable')).toBe(1)
    writer.provider.destroy()
    observer.provider.destroy()

    // And it was stored: after a SIGKILL, everything any client saw is there.
    await stop('SIGKILL')
    await start()
    const after = connectProvider(wsBase, a.id, a.keys.viewer)
    await whenSynced(after.provider)
    expect(after.doc.getMap('probe').get('before')).toBe('stored before the disk filled')
    expect(after.doc.getMap('probe').get('big')).toBe(big)
    after.provider.destroy()
  })
})
