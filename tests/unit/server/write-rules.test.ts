import * as decoding from 'lib0/decoding'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { addAction, readActions } from '../../../shared/schema/actions.ts'
import { setStepLocked } from '../../../shared/schema/control.ts'
import { addPain, readPains, removePain } from '../../../shared/schema/journey.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { readCultureStatements } from '../../../shared/schema/vision.ts'
import { connectProvider, sleep, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, startTestServer, type TestServer, tempDataDir } from '../../support/server.ts'

let server: TestServer
let dataDir: string
let workshop: CreatedWorkshop
const providers: WebsocketProvider[] = []

function open(key: string, room = workshop.id) {
  const client = connectProvider(server.wsBase, room, key)
  providers.push(client.provider)
  return client
}

/** The reasons the server gives a connection for refusing its writes (y-protocols' auth message). */
function refusalsOf(provider: WebsocketProvider): string[] {
  const reasons: string[] = []
  ;(provider as unknown as { messageHandlers: unknown[] }).messageHandlers[2] = (
    _encoder: unknown,
    decoder: decoding.Decoder,
  ) => {
    decoding.readVarUint(decoder)
    reasons.push(decoding.readVarString(decoder))
  }
  return reasons
}

const metric = async (rule: string) => {
  const text = await (await fetch(`${server.base}/metrics`)).text()
  return Number(new RegExp(`tavolo_refused_writes_total\\{rule="${rule}"\\} (\\d+)`).exec(text)?.[1] ?? 0)
}

beforeEach(async () => {
  dataDir = tempDataDir()
  server = await startTestServer({}, dataDir)
})

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await server.close()
})

describe('the server enforces write rules on every content update', () => {
  beforeEach(async () => {
    workshop = await server.createWorkshop({ demo: true, language: 'it' })
  })

  it('a participant cannot write a locked step: nothing stored or shown, the writer converges back', async () => {
    const control = open(workshop.keys.facilitator, `${workshop.id}/control`)
    const attacker = open(workshop.keys.participant)
    const watcher = open(workshop.keys.facilitator)
    await Promise.all([control, attacker, watcher].map((c) => whenSynced(c.provider)))
    const reasons = refusalsOf(attacker.provider)
    setStepLocked(control.doc, 'meeting1', true)
    await sleep(100)

    const pains = readPains(watcher.doc).map((p) => p.id)
    let watcherLostOne = false
    watcher.doc.getMap('pains').observe(() => {
      if (readPains(watcher.doc).length < pains.length) watcherLostOne = true
    })
    removePain(attacker.doc, pains[0]!)
    addPain(attacker.doc, readNamedList(attacker.doc, 'stages')[0]!.id, 'sneaked in')
    expect(readPains(attacker.doc).map((p) => p.id)).not.toContain(pains[0])

    await expect
      .poll(() =>
        readPains(attacker.doc)
          .map((p) => p.id)
          .sort(),
      )
      .toEqual([...pains].sort())
    await expect.poll(() => reasons).toContain('locked:meeting1')
    expect(
      readPains(watcher.doc)
        .map((p) => p.id)
        .sort(),
    ).toEqual([...pains].sort())
    expect(readPains(watcher.doc).some((p) => p.text === 'sneaked in')).toBe(false)
    expect(watcherLostOne).toBe(false)
    expect(await metric('locked')).toBeGreaterThanOrEqual(1)

    // An unlocked step still takes the participant's writes; the facilitator writes the locked one.
    addAction(attacker.doc, null, 'Azione consentita')
    await expect.poll(() => readActions(watcher.doc).some((a) => a.title === 'Azione consentita')).toBe(true)
    addPain(watcher.doc, readNamedList(watcher.doc, 'stages')[0]!.id, 'dal facilitatore')
    await expect.poll(() => readPains(attacker.doc).some((p) => p.text === 'dal facilitatore')).toBe(true)

    // The store holds what everyone saw, and a reconnect does not send the refused write again.
    attacker.provider.disconnect()
    attacker.provider.connect()
    await whenSynced(attacker.provider)
    await sleep(200)
    for (const c of [attacker, watcher, control]) c.provider.destroy()
    providers.splice(0)
    await server.close()
    server = await startTestServer({}, dataDir)
    const later = open(workshop.keys.viewer)
    await whenSynced(later.provider)
    expect(readPains(later.doc).map((p) => p.id)).toContain(pains[0])
    expect(readPains(later.doc).some((p) => p.text === 'sneaked in')).toBe(false)
    expect(readPains(later.doc).some((p) => p.text === 'dal facilitatore')).toBe(true)
  })

  it("the document's shape holds whoever writes: title, records, shared texts, the server's own fields", async () => {
    const attacker = open(workshop.keys.participant)
    const facilitator = open(workshop.keys.facilitator)
    await Promise.all([attacker, facilitator].map((c) => whenSynced(c.provider)))
    const reasons = refusalsOf(facilitator.provider)
    const meta = facilitator.doc.getMap('meta')
    const pain = readPains(facilitator.doc)[0]!
    facilitator.doc.transact(() => meta.delete('title'))
    facilitator.doc.transact(() => meta.set('kind', 'vision'))
    facilitator.doc.transact(() => facilitator.doc.getMap('pains').set(pain.id, 'not a record' as never))
    const stage = readNamedList(facilitator.doc, 'stages')[0]!
    facilitator.doc.transact(() =>
      (facilitator.doc.getMap('stages').get(stage.id) as Y.Map<unknown>).set('name', 5),
    )

    for (const doc of [facilitator.doc, attacker.doc]) {
      await expect.poll(() => doc.getMap('meta').get('title') instanceof Y.Text).toBe(true)
      await expect.poll(() => doc.getMap('meta').get('kind')).toBe('improvement')
      await expect.poll(() => doc.getMap('pains').get(pain.id) instanceof Y.Map).toBe(true)
      await expect
        .poll(() => (doc.getMap('stages').get(stage.id) as Y.Map<unknown>).get('name') instanceof Y.Text)
        .toBe(true)
    }
    expect(readPains(attacker.doc).find((p) => p.id === pain.id)?.text).toBe(pain.text)
    expect(reasons).toContain('server-only:meta.kind')
    expect(reasons.some((r) => r.startsWith('shape:'))).toBe(true)
    expect(await metric('shape')).toBeGreaterThanOrEqual(3)
    // Ordinary edits of the same places are fine.
    ;(facilitator.doc.getMap('meta').get('title') as Y.Text).insert(0, 'Nuovo: ')
    await expect.poll(() => attacker.doc.getMap('meta').get('title')?.toString()).toMatch(/^Nuovo: /)
  })
})

describe('culture statements freeze once their rating opens', () => {
  it('for everyone, the facilitator included', async () => {
    workshop = await server.createWorkshop({ title: 'Visione', language: 'it', kind: 'vision' })
    const facilitator = open(workshop.keys.facilitator)
    await whenSynced(facilitator.provider)
    const statement = readCultureStatements(facilitator.doc)[0]!
    const text = () =>
      (facilitator.doc.getMap('cultureStatements').get(statement.id) as Y.Map<unknown>).get('text') as Y.Text
    text().insert(0, 'Prima: ')
    const opened = await fetch(`${server.base}/api/workshops/${workshop.id}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.keys.facilitator}` },
      body: JSON.stringify({ purpose: 'culture' }),
    })
    expect(opened.status).toBe(201)
    await sleep(100)
    text().insert(0, 'Dopo: ')
    await expect.poll(() => text().toString()).toBe(`Prima: ${statement.text}`)
    expect(await metric('frozen')).toBe(1)
  })

  it('before that, only the facilitator edits them (as the board lets only the facilitator)', async () => {
    workshop = await server.createWorkshop({ title: 'Visione', language: 'it', kind: 'vision' })
    const facilitator = open(workshop.keys.facilitator)
    const participant = open(workshop.keys.participant)
    await Promise.all([whenSynced(facilitator.provider), whenSynced(participant.provider)])
    const statement = readCultureStatements(participant.doc)[0]!
    const textIn = (doc: Y.Doc) =>
      (doc.getMap('cultureStatements').get(statement.id) as Y.Map<unknown>).get('text') as Y.Text
    textIn(participant.doc).insert(0, 'Mia: ')
    await expect.poll(() => textIn(participant.doc).toString()).toBe(statement.text)
    expect(await metric('facilitator-only')).toBe(1)
    textIn(facilitator.doc).insert(0, 'Rivista: ')
    await expect.poll(() => textIn(participant.doc).toString()).toBe(`Rivista: ${statement.text}`)
  })
})
