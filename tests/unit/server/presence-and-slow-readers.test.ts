import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { connectProvider, rawSocket, sleep, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop

beforeEach(async () => {
  server = await startTestServer({ MAX_BUFFERED_BYTES: String(256 * 1024) })
  workshop = await server.createWorkshop()
})

afterEach(async () => {
  await server.close()
})

/** One awareness frame as y-protocols encodes it: [1, update], update = count, then id, clock, JSON. */
function awarenessFrame(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(update, entry.clientId)
    encoding.writeVarUint(update, entry.clock)
    encoding.writeVarString(update, JSON.stringify(entry.state))
  }
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

const metricsText = async () => (await fetch(`${server.base}/metrics`)).text()

describe('presence belongs to the connection that introduced it', () => {
  it('nobody, a viewer least of all, can rename or remove someone else', async () => {
    const anna = connectProvider(server.wsBase, workshop.id, workshop.keys.participant)
    const watcher = connectProvider(server.wsBase, workshop.id, workshop.keys.facilitator)
    await Promise.all([whenSynced(anna.provider), whenSynced(watcher.provider)])
    anna.provider.awareness.setLocalState({ name: 'Anna', role: 'participant' })
    watcher.provider.awareness.setLocalState({ name: 'Fabio', role: 'facilitator' })
    const annaId = anna.doc.clientID
    const annaSeen = () => watcher.provider.awareness.getStates().get(annaId) as { name?: string } | undefined
    await expect.poll(() => annaSeen()?.name).toBe('Anna')
    await expect
      .poll(() => (anna.provider.awareness.getStates().get(watcher.doc.clientID) as { name?: string })?.name)
      .toBe('Fabio')

    const attacker = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.viewer}`)
    const attackerId = 424242
    attacker.send(
      awarenessFrame([
        { clientId: annaId, clock: 1000, state: { name: 'Forged', role: 'facilitator' } },
        { clientId: attackerId, clock: 1, state: { name: 'Mallory' } },
      ]),
    )
    attacker.send(awarenessFrame([{ clientId: annaId, clock: 1001, state: null }]))
    attacker.send(awarenessFrame([{ clientId: watcher.doc.clientID, clock: 1000, state: { name: 'x' } }]))
    // Its own presence is its business.
    attacker.send(
      awarenessFrame([{ clientId: attackerId + 1, clock: 1, state: { name: 'Mallory, viewer' } }]),
    )
    await expect
      .poll(() => (watcher.provider.awareness.getStates().get(attackerId + 1) as { name?: string })?.name)
      .toBe('Mallory, viewer')

    expect(annaSeen()?.name).toBe('Anna')
    expect((anna.provider.awareness.getStates().get(watcher.doc.clientID) as { name?: string })?.name).toBe(
      'Fabio',
    )
    expect(watcher.provider.awareness.getStates().get(attackerId)).toBeUndefined()
    expect(attacker.readyState).toBe(attacker.OPEN)
    const late = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer)
    await whenSynced(late.provider)
    await expect
      .poll(() => (late.provider.awareness.getStates().get(annaId) as { name?: string })?.name)
      .toBe('Anna')
    expect(await metricsText()).toMatch(/tavolo_dropped_messages_total\{reason="foreign_presence"\} 3/)

    // Anna still updates her own presence, and once she leaves the id is free again.
    anna.provider.awareness.setLocalStateField('name', 'Anna B.')
    await expect.poll(() => annaSeen()?.name).toBe('Anna B.')
    attacker.close()
    late.provider.destroy()
    anna.provider.destroy()
    watcher.provider.destroy()
  })
})

describe('a client that stops reading', () => {
  it('is dropped past MAX_BUFFERED_BYTES, counted, and the room goes on', async () => {
    const writer = connectProvider(server.wsBase, workshop.id, workshop.keys.participant)
    const reader = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer)
    await Promise.all([whenSynced(writer.provider), whenSynced(reader.provider)])
    const stalled: WebSocket = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.viewer}`)
    let stalledClosed = false
    stalled.on('close', () => {
      stalledClosed = true
    })
    // It stops reading: the server's sends pile up in its socket buffer.
    ;(stalled as unknown as { _socket: import('node:net').Socket })._socket.pause()

    const text = writer.doc.getText('flood')
    const chunk = 'y'.repeat(100_000)
    for (let i = 0; i < 300; i++) {
      text.insert(text.length, chunk)
      if (i % 20 === 0) await sleep(5)
      if ((await metricsText()).includes('reason="slow consumer"')) break
    }
    expect(await metricsText()).toMatch(/tavolo_rejected_connections_total\{reason="slow consumer"\} 1/)
    await expect.poll(() => reader.doc.getText('flood').length, { timeout: 15_000 }).toBe(text.length)
    ;(stalled as unknown as { _socket: import('node:net').Socket })._socket.resume()
    await expect.poll(() => stalledClosed, { timeout: 5000 }).toBe(true)
    writer.provider.destroy()
    reader.provider.destroy()
  })
})
