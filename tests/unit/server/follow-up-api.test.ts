import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { setStepLocked } from '../../../shared/schema/control.ts'
import {
  ACTION_UPDATES,
  markReview,
  readActionUpdates,
  readFollowUpSettings,
  readReviews,
  setFollowUpSetting,
} from '../../../shared/schema/follow-up.ts'
import { metaMap } from '../../../shared/schema/meta.ts'
import { recordsOf } from '../../../shared/schema/records.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { connectProvider, eventually, sleep, whenSynced } from '../../support/clients.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import { type Keys, startTestServer, type TestServer, workshopApi } from '../../support/server.ts'

let server: TestServer
let workshop: { id: string; keys: Keys }
let entryId: string
let unownedEntryId: string
const providers: WebsocketProvider[] = []
const { api, join } = workshopApi(
  () => server.base,
  () => workshop.id,
  () => workshop.keys.participant,
)

function open(key: string, room = workshop.id) {
  const client = connectProvider(server.wsBase, room, key)
  providers.push(client.provider)
  return client
}

beforeAll(async () => {
  server = await startTestServer()
  const { content, control } = fullWorkshop()
  const data = exportWorkshop(content, control)
  delete data.followUp // straight after meeting 4
  const response = await fetch(`${server.base}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  })
  workshop = (await response.json()) as typeof workshop
  entryId = data.pipeline.find((e) => e.owner === 'Giulia Bianchi')!.id
  unownedEntryId = data.pipeline.find((e) => e.owner === '')!.id
})
afterAll(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await server.close()
})

const update = (over: Record<string, unknown> = {}) => ({
  entryId,
  status: 'in-progress',
  percent: 40,
  note: 'Primo turno serale attivo',
  date: '2026-11-30',
  ...over,
})

describe('action updates in the follow-up', () => {
  it('the owner (by registered name) updates their action; the server stamps who and when and everyone sees it live', async () => {
    const watcher = open(workshop.keys.viewer)
    await whenSynced(watcher.provider)
    const giulia = await join('  giulia bianchi ')
    const before = Date.now()
    const answer = await api('/follow-up/updates', {
      method: 'POST',
      key: workshop.keys.participant,
      token: giulia.token,
      body: update({ by: 'Someone else', at: 1 }),
    })
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ entryId, status: 'in-progress', percent: 40, by: 'giulia bianchi' })
    expect(answer.body.at).toBeGreaterThanOrEqual(before)
    await eventually(() => {
      const seen = readActionUpdates(watcher.doc)
      expect(seen).toHaveLength(1)
      expect(seen[0]).toMatchObject({ entryId, note: 'Primo turno serale attivo', by: 'giulia bianchi' })
    })
  })

  it('another participant may not update it, unless the facilitator lets anyone; a viewer never', async () => {
    const marco = await join('Marco')
    const call = (id = entryId) =>
      api('/follow-up/updates', {
        method: 'POST',
        key: workshop.keys.participant,
        token: marco.token,
        body: update({ entryId: id }),
      })
    const refused = await call()
    expect(refused.status).toBe(403)
    expect(refused.body.error).toMatch(/owner/)
    // An action without an owner is no one's: only the facilitator, or anyone when allowed.
    expect((await call(unownedEntryId)).status).toBe(403)
    const viewer = await api('/follow-up/updates', {
      method: 'POST',
      key: workshop.keys.viewer,
      body: update(),
    })
    expect(viewer.status).toBe(403)

    const facilitator = open(workshop.keys.facilitator)
    await whenSynced(facilitator.provider)
    setFollowUpSetting(facilitator.doc, 'anyoneUpdates', true)
    await eventually(async () => expect((await call()).status).toBe(201))
    expect((await call(unownedEntryId)).status).toBe(201)
    setFollowUpSetting(facilitator.doc, 'anyoneUpdates', false)
    await eventually(async () => expect((await call()).status).toBe(403))
  })

  it('the facilitator updates any action, with no participant token', async () => {
    const answer = await api('/follow-up/updates', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: update({ entryId: unownedEntryId, status: 'done', percent: 100 }),
    })
    expect(answer.status).toBe(201)
    expect(answer.body.by).toBeNull()
  })

  it('refuses bad bodies with a clear error, an unknown action with 404, and a participant without a token', async () => {
    const giulia = await join('Giulia Bianchi')
    const call = (body: unknown, token: string | undefined = giulia.token) =>
      api('/follow-up/updates', { method: 'POST', key: workshop.keys.participant, token, body })
    for (const [body, pattern] of [
      [update({ percent: 101 }), /percent/],
      [update({ percent: 12.5 }), /percent/],
      [update({ status: 'finished' }), /status/],
      [update({ date: '2026-02-30' }), /date/],
      [update({ date: '31/12/2026' }), /date/],
      [update({ date: '2999-01-01' }), /to come/],
      [update({ note: 'x'.repeat(2001) }), /note/],
      [{ ...update(), entryId: undefined }, /entryId/],
    ] as const) {
      const answer = await call(body)
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400)
      expect(answer.body.error).toMatch(pattern)
    }
    expect((await call(update({ entryId: 'nope' }))).status).toBe(404)
    expect((await call(update(), '')).status).toBe(401)
    expect((await call(update(), 'forged-token')).status).toBe(403)
  })

  it('a locked follow-up takes updates from the facilitator only', async () => {
    const control = open(workshop.keys.facilitator, `${workshop.id}/control`)
    await whenSynced(control.provider)
    setStepLocked(control.doc, 'followup', true)
    const giulia = await join('Giulia Bianchi')
    await eventually(async () => {
      const answer = await api('/follow-up/updates', {
        method: 'POST',
        key: workshop.keys.participant,
        token: giulia.token,
        body: update(),
      })
      expect(answer.status).toBe(423)
    })
    const facilitator = await api('/follow-up/updates', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: update(),
    })
    expect(facilitator.status).toBe(201)
    setStepLocked(control.doc, 'followup', false)
  })
})

describe('the follow-up through the websocket', () => {
  it("no browser writes an action's history, and only the facilitator changes the follow-up rules", async () => {
    const attacker = open(workshop.keys.participant)
    const facilitator = open(workshop.keys.facilitator)
    const watcher = open(workshop.keys.viewer)
    await Promise.all([attacker, facilitator, watcher].map((c) => whenSynced(c.provider)))
    const stored = readActionUpdates(watcher.doc).length
    for (const writer of [attacker.doc, facilitator.doc]) {
      writer.transact(() => {
        const forged = new Y.Map<unknown>()
        forged.set('index', 'zz')
        forged.set('entryId', entryId)
        forged.set('date', '2026-11-30')
        forged.set('status', 'done')
        forged.set('percent', 100)
        forged.set('by', 'Giulia Bianchi')
        recordsOf(writer, ACTION_UPDATES).set(`forged-${Math.random()}`, forged)
      })
    }
    // Deleting the history is refused as well.
    attacker.doc.transact(() => {
      for (const id of [...recordsOf(attacker.doc, ACTION_UPDATES).keys()])
        recordsOf(attacker.doc, ACTION_UPDATES).delete(id)
    })
    setFollowUpSetting(attacker.doc, 'anyoneUpdates', true)
    markReview(attacker.doc, '2026-11-30')
    metaMap(attacker.doc).set('followUpStaleWeeks', 7)
    await sleep(500)
    await eventually(() => {
      expect(readActionUpdates(watcher.doc)).toHaveLength(stored)
      expect(readActionUpdates(attacker.doc)).toHaveLength(stored)
      expect(readFollowUpSettings(watcher.doc)).toMatchObject({ anyoneUpdates: false, staleWeeks: 2 })
      expect(readReviews(watcher.doc)).toEqual([])
    })
    setFollowUpSetting(facilitator.doc, 'staleWeeks', 4)
    markReview(facilitator.doc, '2026-11-30')
    await eventually(() => expect(readFollowUpSettings(watcher.doc).staleWeeks).toBe(4))
    await eventually(() => expect(readReviews(watcher.doc).map((r) => r.date)).toEqual(['2026-11-30']))
  })
})
