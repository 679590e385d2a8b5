import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import { exited, freePort, spawnServer } from '../../support/child-server.ts'
import { connectProvider, whenSynced } from '../../support/clients.ts'
import { createWorkshop, startTestServer, tempDataDir } from '../../support/server.ts'

const providers: WebsocketProvider[] = []
const cleanups: (() => unknown)[] = []

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

function connect(wsBase: string, room: string, key: string) {
  const client = connectProvider(wsBase, room, key)
  providers.push(client.provider)
  return client
}

describe('durability', () => {
  it('documents survive a restart', async () => {
    const dataDir = tempDataDir()
    const first = await startTestServer({}, dataDir)
    const workshop = await first.createWorkshop()
    const writer = connect(first.wsBase, workshop.id, workshop.keys.participant)
    await whenSynced(writer.provider)
    writer.doc.getArray<string>('notes').push(['before restart'])
    writer.doc.getText('story').insert(0, 'kept')
    const observer = connect(first.wsBase, workshop.id, workshop.keys.facilitator)
    await whenSynced(observer.provider)
    await expect.poll(() => observer.doc.getText('story').toString()).toBe('kept')
    writer.provider.destroy()
    observer.provider.destroy()
    await first.close()

    const second = await startTestServer({}, dataDir)
    cleanups.push(() => second.close())
    const reader = connect(second.wsBase, workshop.id, workshop.keys.viewer)
    await whenSynced(reader.provider)
    expect(reader.doc.getArray('notes').toArray()).toEqual(['before restart'])
    expect(reader.doc.getText('story').toString()).toBe('kept')
  })

  it('compaction keeps the content identical', async () => {
    const dataDir = tempDataDir()
    const server = await startTestServer({ COMPACT_AFTER_UPDATES: '25' }, dataDir)
    const workshop = await server.createWorkshop()
    const writer = connect(server.wsBase, workshop.id, workshop.keys.participant)
    await whenSynced(writer.provider)
    const list = writer.doc.getArray<number>('numbers')
    for (let i = 0; i < 110; i++) {
      list.push([i])
      if (i % 7 === 0) list.delete(0, 1)
      await new Promise((resolve) => setImmediate(resolve))
    }
    const observer = connect(server.wsBase, workshop.id, workshop.keys.facilitator)
    await whenSynced(observer.provider)
    await expect.poll(() => observer.doc.getArray('numbers').length).toBe(list.length)
    const expected = list.toArray()
    writer.provider.destroy()
    observer.provider.destroy()
    await server.close()

    const store = openSqliteStore(dataDir)
    const stored = await store.loadDocument(workshop.id)
    await store.close()
    expect(stored.snapshot).not.toBeNull()
    expect(stored.updates.length).toBeLessThan(25)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(reloaded, update)
    expect(reloaded.getArray('numbers').toArray()).toEqual(expected)
  })

  it('loses no observed update when the server is killed with SIGKILL', async () => {
    const dataDir = tempDataDir()
    const port = await freePort()
    const env = { PORT: String(port), DATA_DIR: dataDir }
    const first = await spawnServer(env)
    cleanups.push(() => first.child.kill('SIGKILL'))
    const base = `http://127.0.0.1:${port}`
    const wsBase = `ws://127.0.0.1:${port}/ws`
    const workshop = await createWorkshop(base)
    const writer = connect(wsBase, workshop.id, workshop.keys.participant)
    const observer = connect(wsBase, workshop.id, workshop.keys.facilitator)
    await Promise.all([whenSynced(writer.provider), whenSynced(observer.provider)])

    const total = 3000
    const killAt = 1500
    const seen = observer.doc.getMap<number>('writes')
    const killed = new Promise<number>((resolve) => {
      const onChange = () => {
        if (seen.size >= killAt) {
          first.child.kill('SIGKILL')
          seen.unobserve(onChange)
          resolve(seen.size)
        }
      }
      seen.observe(onChange)
    })
    const map = writer.doc.getMap<number>('writes')
    for (let i = 0; i < total; i++) map.set(`w${i}`, i)
    const observedCount = await killed
    const observedKeys = [...seen.keys()]
    await exited(first.child)
    writer.provider.destroy()
    observer.provider.destroy()

    const second = await spawnServer(env)
    cleanups.push(() => second.child.kill('SIGKILL'))
    const reader = connect(wsBase, workshop.id, workshop.keys.viewer)
    await whenSynced(reader.provider)
    const stored = reader.doc.getMap<number>('writes')
    const lost = observedKeys.filter((key) => !stored.has(key))
    expect(observedCount).toBeGreaterThanOrEqual(killAt)
    expect(lost).toEqual([])
  })

  it('shuts down gracefully on SIGTERM: exits 0 with everything stored and compacted', async () => {
    const dataDir = tempDataDir()
    const port = await freePort()
    const server = await spawnServer({ PORT: String(port), DATA_DIR: dataDir })
    cleanups.push(() => server.child.kill('SIGKILL'))
    const workshop = await createWorkshop(`http://127.0.0.1:${port}`)
    const writer = connect(`ws://127.0.0.1:${port}/ws`, workshop.id, workshop.keys.participant)
    await whenSynced(writer.provider)
    for (let i = 0; i < 50; i++) writer.doc.getMap('m').set(`k${i}`, i)
    await new Promise((resolve) => setTimeout(resolve, 200))
    server.child.kill('SIGTERM')
    await exited(server.child)
    expect(server.child.exitCode).toBe(0)
    const store = openSqliteStore(dataDir)
    const stored = await store.loadDocument(workshop.id)
    await store.close()
    expect(stored.updates).toEqual([])
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored.snapshot!)
    expect(doc.getMap('m').size).toBe(50)
  })
})
