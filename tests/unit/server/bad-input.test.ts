import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { closeOf, connectProvider, rawSocket, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop
let bystander: { doc: import('yjs').Doc; provider: WebsocketProvider }
let observer: { doc: import('yjs').Doc; provider: WebsocketProvider }

beforeEach(async () => {
  server = await startTestServer({
    MAX_MESSAGE_BYTES: '65536',
    RATE_LIMIT_PER_SECOND: '50',
    RATE_LIMIT_BURST: '200',
  })
  workshop = await server.createWorkshop()
  bystander = connectProvider(server.wsBase, workshop.id, workshop.keys.participant)
  observer = connectProvider(server.wsBase, workshop.id, workshop.keys.facilitator)
  await Promise.all([whenSynced(bystander.provider), whenSynced(observer.provider)])
})

afterEach(async () => {
  bystander.provider.destroy()
  observer.provider.destroy()
  await server.close()
})

/** After a bad connection was closed, the other clients of the room still work. */
async function othersStillWork() {
  const value = Math.random()
  bystander.doc.getMap('probe').set('alive', value)
  await expect.poll(() => observer.doc.getMap('probe').get('alive')).toBe(value)
}

async function sendAndExpectClose(frame: Uint8Array | string, expected: { code: number; reason: string }) {
  const socket = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.participant}`)
  const closed = closeOf(socket)
  socket.send(frame)
  expect(await closed).toEqual(expected)
  await othersStillWork()
}

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part)
    else encoding.writeVarUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

describe('bad input closes only the offending connection', () => {
  it('a truncated frame', async () => {
    await sendAndExpectClose(new Uint8Array([0, 2, 50, 1]), { code: 4400, reason: 'malformed message' })
  })

  it('an unknown message type', async () => {
    await sendAndExpectClose(frame(7, new Uint8Array([1])), { code: 4400, reason: 'unknown message type 7' })
  })

  it('an unknown sync message type', async () => {
    await sendAndExpectClose(frame(0, 9, new Uint8Array([1])), {
      code: 4400,
      reason: 'unknown sync message type 9',
    })
  })

  it('a well-framed update whose content is garbage', async () => {
    const garbage = new Uint8Array([5, 200, 1, 2, 3, 4, 250, 250, 250, 7])
    await sendAndExpectClose(frame(0, 2, garbage), { code: 4400, reason: 'unreadable document update' })
    const late = connectProvider(server.wsBase, workshop.id, workshop.keys.participant)
    await whenSynced(late.provider)
    late.provider.destroy()
  })

  it('a text frame', async () => {
    await sendAndExpectClose('hello', { code: 4400, reason: 'text frames are not part of the protocol' })
  })

  it('a message over the size limit', async () => {
    await sendAndExpectClose(frame(0, 2, new Uint8Array(70_000)), { code: 1009, reason: '' })
  })

  it('a flood of messages', async () => {
    const socket = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.participant}`)
    const closed = closeOf(socket)
    const queryAwareness = frame(3)
    for (let i = 0; i < 1000 && socket.readyState === socket.OPEN; i++) socket.send(queryAwareness)
    expect(await closed).toEqual({ code: 4429, reason: 'rate limit exceeded' })
    await othersStillWork()
  })
})
