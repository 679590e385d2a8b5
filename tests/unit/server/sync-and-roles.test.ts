import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { closeOf, connectProvider, rawSocket, sleep, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop
const providers: WebsocketProvider[] = []

function connect(room: string, key: string, doc?: Y.Doc) {
  const client = connectProvider(server.wsBase, room, key, doc)
  providers.push(client.provider)
  return client
}

beforeEach(async () => {
  server = await startTestServer()
  workshop = await server.createWorkshop()
})

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await server.close()
})

describe('two stock WebsocketProvider clients', () => {
  it('converge on the content document', async () => {
    const a = connect(workshop.id, workshop.keys.facilitator)
    const b = connect(workshop.id, workshop.keys.participant)
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)])
    a.doc.getMap('probe').set('from-a', 1)
    b.doc.getMap('probe').set('from-b', 2)
    await expect.poll(() => a.doc.getMap('probe').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 })
    await expect.poll(() => b.doc.getMap('probe').toJSON()).toEqual({ 'from-a': 1, 'from-b': 2 })
  })

  it('receive the document the server seeded at creation', async () => {
    const a = connect(workshop.id, workshop.keys.participant)
    await whenSynced(a.provider)
    expect(a.doc.getMap('meta').get('title')?.toString()).toBe('Test workshop')
  })

  it('see each other’s presence (awareness)', async () => {
    const a = connect(workshop.id, workshop.keys.facilitator)
    const b = connect(workshop.id, workshop.keys.participant)
    await Promise.all([whenSynced(a.provider), whenSynced(b.provider)])
    a.provider.awareness.setLocalStateField('user', { name: 'Anna' })
    await expect
      .poll(() => [...b.provider.awareness.getStates().values()].map((s) => s.user?.name))
      .toContain('Anna')
    a.provider.destroy()
    await expect
      .poll(() => [...b.provider.awareness.getStates().values()].map((s) => s.user?.name))
      .not.toContain('Anna')
  })
})

describe('read-only viewers', () => {
  it('have their updates dropped', async () => {
    const writer = connect(workshop.id, workshop.keys.participant)
    const viewer = connect(workshop.id, workshop.keys.viewer)
    await Promise.all([whenSynced(writer.provider), whenSynced(viewer.provider)])
    viewer.doc.getMap('probe').set('viewer', 'should not spread')
    writer.doc.getMap('probe').set('writer', 'spreads')
    await expect.poll(() => viewer.doc.getMap('probe').get('writer')).toBe('spreads')
    await sleep(200)
    expect(writer.doc.getMap('probe').get('viewer')).toBeUndefined()
    const late = connect(workshop.id, workshop.keys.participant)
    await whenSynced(late.provider)
    expect(late.doc.getMap('probe').toJSON()).toEqual({ writer: 'spreads' })
  })

  it('have the content of their sync step 2 dropped too', async () => {
    // A viewer whose local copy holds content (e.g. an old offline copy) sends it in sync step 2.
    const local = new Y.Doc()
    local.getMap('probe').set('smuggled', true)
    const viewer = connect(workshop.id, workshop.keys.viewer, local)
    await whenSynced(viewer.provider)
    await sleep(200)
    const reader = connect(workshop.id, workshop.keys.facilitator)
    await whenSynced(reader.provider)
    await sleep(200)
    expect(reader.doc.getMap('probe').get('smuggled')).toBeUndefined()
  })
})

describe('the control document', () => {
  const control = () => `${workshop.id}/control`

  it('is written by the facilitator and read by everyone', async () => {
    const facilitator = connect(control(), workshop.keys.facilitator)
    const participant = connect(control(), workshop.keys.participant)
    await Promise.all([whenSynced(facilitator.provider), whenSynced(participant.provider)])
    facilitator.doc.getMap('control').set('step', 'meeting1')
    await expect.poll(() => participant.doc.getMap('control').get('step')).toBe('meeting1')
  })

  it('drops participant writes', async () => {
    const facilitator = connect(control(), workshop.keys.facilitator)
    const participant = connect(control(), workshop.keys.participant)
    await Promise.all([whenSynced(facilitator.provider), whenSynced(participant.provider)])
    participant.doc.getMap('control').set('step', 'outputs')
    await sleep(300)
    expect(facilitator.doc.getMap('control').get('step')).toBe('setup')
  })
})

describe('keys', () => {
  it('refuses a missing key', async () => {
    const socket = await rawSocket(`${server.wsBase}/${workshop.id}`)
    expect(await closeOf(socket)).toEqual({ code: 4401, reason: 'missing key' })
  })

  it('refuses a wrong key', async () => {
    const socket = await rawSocket(`${server.wsBase}/${workshop.id}?key=not-a-key`)
    expect(await closeOf(socket)).toEqual({ code: 4403, reason: 'wrong key for this workshop' })
  })

  it('refuses the key of another workshop', async () => {
    const other = await server.createWorkshop({ title: 'Other' })
    const socket = await rawSocket(`${server.wsBase}/${workshop.id}?key=${other.keys.facilitator}`)
    expect((await closeOf(socket)).code).toBe(4403)
    const control = await rawSocket(`${server.wsBase}/${workshop.id}/control?key=${other.keys.facilitator}`)
    expect((await closeOf(control)).code).toBe(4403)
  })

  it('refuses unknown workshops and paths', async () => {
    const unknown = await rawSocket(`${server.wsBase}/nosuchworkshop?key=${workshop.keys.facilitator}`)
    expect(await closeOf(unknown)).toEqual({ code: 4404, reason: 'unknown workshop' })
    const badPath = await rawSocket(`${server.wsBase}/${workshop.id}/other?key=${workshop.keys.facilitator}`)
    expect((await closeOf(badPath)).code).toBe(4404)
  })
})
