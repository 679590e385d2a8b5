import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RESTORED_ROOTS } from '../../../shared/history/restore.ts'
import { setFacilitatorStep } from '../../../shared/schema/control.ts'
import { addPain, readPains } from '../../../shared/schema/journey.ts'
import { readMeta } from '../../../shared/schema/meta.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { closeOf, connectProvider, eventually, rawSocket, sleep, whenSynced } from '../../support/clients.ts'
import { fullVisionWorkshop } from '../../support/full-vision.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import {
  type CreatedWorkshop,
  startTestServer,
  type TestServer,
  tempDataDir,
  workshopApi,
} from '../../support/server.ts'
import { storedRows } from '../../support/test-database.ts'

let server: TestServer
let workshop: CreatedWorkshop
const { api } = workshopApi(
  () => server.base,
  () => workshop.id,
  () => workshop.keys.participant,
)
const open: { provider: { destroy(): void } }[] = []

async function connect(key: string, room = workshop.id) {
  const client = connectProvider(server.wsBase, room, key)
  open.push(client)
  await whenSynced(client.provider)
  return client
}

type Listed = {
  id: string
  reason: string
  label: string
  step: string
  people: string[]
  counts: Record<string, number>
  changes: Record<string, number>
}
const versions = async () => {
  const answer = await api('/versions', { key: workshop.keys.facilitator })
  expect(answer.status).toBe(200)
  return (answer.body as { versions: Listed[] }).versions
}
const save = (label: string, key = workshop.keys.facilitator, reason?: string) =>
  api('/versions', { method: 'POST', key, body: { label, ...(reason && { reason }) } })

const rootsOf = (doc: Y.Doc) =>
  Object.fromEntries(RESTORED_ROOTS.map((name) => [name, doc.getMap(name).toJSON()]))

async function start(env: Record<string, string> = {}, dataDir = tempDataDir()) {
  server = await startTestServer(env, dataDir)
  workshop = await server.createWorkshop({ demo: true, language: 'en' })
}

afterEach(async () => {
  for (const client of open.splice(0)) client.provider.destroy()
  await server.close()
})

describe('versions saved by hand', () => {
  beforeEach(() => start())

  it('lists them newest first with who was there and what changed, for the facilitator only', async () => {
    const anna = await connect(workshop.keys.participant)
    anna.provider.awareness.setLocalState({ name: 'Anna' })
    expect((await save('start')).status).toBe(201)
    const stage = readNamedList(anna.doc, 'stages')[0]!.id
    addPain(anna.doc, stage, 'Waiting on the phone')
    addPain(anna.doc, stage, 'No tracking link')
    await eventually(async () =>
      expect((await save('before the vote')).body.version.counts.pains).toBeGreaterThan(0),
    )

    const [latest, first] = await versions()
    expect(latest).toMatchObject({
      label: 'before the vote',
      reason: 'manual',
      step: 'setup',
      people: ['Anna'],
    })
    expect(latest!.changes).toEqual({ pains: 2 })
    expect(latest!.counts.pains).toBe((first!.counts.pains ?? 0) + 2)

    expect((await api('/versions', { key: workshop.keys.participant })).status).toBe(403)
    expect((await api('/versions', { key: workshop.keys.viewer })).status).toBe(403)
    expect((await save('mine', workshop.keys.participant)).status).toBe(403)
    expect((await save('', workshop.keys.viewer, 'before-import')).status).toBe(403)
    expect((await save('scores CSV', workshop.keys.participant, 'before-import')).status).toBe(201)
    expect((await api(`/versions/${first!.id}`, { key: workshop.keys.participant })).status).toBe(403)
    expect((await save('x'.repeat(500))).status).toBe(400)
  })

  it('opens one as the documents it saved', async () => {
    const saved = (await save('opened')).body.version as Listed
    const answer = await api(`/versions/${saved.id}`, { key: workshop.keys.facilitator })
    expect(answer.status).toBe(200)
    const content = new Y.Doc()
    Y.applyUpdate(content, Buffer.from(answer.body.content as string, 'base64'))
    const info = await api('', { key: workshop.keys.viewer })
    expect(readMeta(content).title).toBe(info.body.title)
    expect(readPains(content).length).toBe(saved.counts.pains ?? 0)
    expect((await api('/versions/nope', { key: workshop.keys.facilitator })).status).toBe(404)
  })
})

describe('versions the server saves by itself', () => {
  it('on a step change by the facilitator, not again when nothing changed', async () => {
    await start()
    const control = await connect(workshop.keys.facilitator, `${workshop.id}/control`)
    setFacilitatorStep(control.doc, 'meeting1')
    await eventually(async () => expect((await versions()).map((v) => v.reason)).toEqual(['step']))
    setFacilitatorStep(control.doc, 'meeting2')
    await sleep(150)
    expect(await versions()).toHaveLength(1)
  })

  it('after the interval of activity, once per burst of changes', async () => {
    await start({ VERSION_INTERVAL_MINUTES: '0.005' })
    const anna = await connect(workshop.keys.participant)
    addPain(anna.doc, readNamedList(anna.doc, 'stages')[0]!.id, 'A card')
    await eventually(async () => expect((await versions()).map((v) => v.reason)).toEqual(['interval']))
    await sleep(700)
    expect(await versions()).toHaveLength(1)
  })

  it('a restore first keeps the state it replaces; an import starts with its first version', async () => {
    await start()
    const saved = (await save('start')).body.version as Listed
    const restored = await api(`/versions/${saved.id}/restore`, {
      method: 'POST',
      key: workshop.keys.facilitator,
    })
    expect(restored.status).toBe(200)
    // Nothing changed since "start": the state it replaces is that version itself.
    expect(restored.body.before.id).toBe(saved.id)

    const full = fullWorkshop('en')
    const imported = await fetch(`${server.base}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exportWorkshop(full.content, full.control)),
    })
    const copy = (await imported.json()) as CreatedWorkshop
    workshop = copy
    expect((await versions()).map((v) => v.reason)).toEqual(['imported'])
  })
})

describe('restoring a version', () => {
  it('reaches everyone connected as a forward change; an offline copy converges; the store keeps it', async () => {
    const dataDir = tempDataDir()
    await start({}, dataDir)
    const facilitator = await connect(workshop.keys.facilitator)
    const anna = await connect(workshop.keys.participant)
    const offline = await connect(workshop.keys.participant)
    const stage = readNamedList(anna.doc, 'stages')[0]!.id
    addPain(anna.doc, stage, 'Kept card')
    await eventually(() => expect(readPains(facilitator.doc).map((p) => p.text)).toContain('Kept card'))
    const saved = (await save('before the vote')).body.version as Listed
    const wanted = rootsOf(facilitator.doc)

    await eventually(() => expect(readPains(offline.doc).map((p) => p.text)).toContain('Kept card'))
    ;(offline.provider as unknown as { disconnect(): void }).disconnect()
    addPain(anna.doc, stage, 'Added after the version')
    await eventually(() =>
      expect(readPains(facilitator.doc).map((p) => p.text)).toContain('Added after the version'),
    )

    const answer = await api(`/versions/${saved.id}/restore`, {
      method: 'POST',
      key: workshop.keys.facilitator,
    })
    expect(answer.status).toBe(200)
    expect(answer.body.before.reason).toBe('before-restore')
    await eventually(() => {
      expect(rootsOf(facilitator.doc)).toEqual(wanted)
      expect(rootsOf(anna.doc)).toEqual(wanted)
    })

    ;(offline.provider as unknown as { connect(): void }).connect()
    await eventually(() => expect(rootsOf(offline.doc)).toEqual(wanted))

    await server.close()
    server = await startTestServer({}, dataDir)
    const reloaded = await connect(workshop.keys.viewer)
    expect(rootsOf(reloaded.doc)).toEqual(wanted)
    const reasons = (await versions()).map((v) => v.reason)
    expect(reasons).toEqual(['before-restore', 'manual'])
  })

  it('only by the facilitator, and only a version of this workshop', async () => {
    await start()
    const saved = (await save('mine')).body.version as Listed
    const other = await server.createWorkshop()
    const restore = (id: string, key: string) => api(`/versions/${id}/restore`, { method: 'POST', key })
    expect((await restore(saved.id, workshop.keys.participant)).status).toBe(403)
    expect((await restore('unknown', workshop.keys.facilitator)).status).toBe(404)
    const foreign = await fetch(`${server.base}/api/workshops/${other.id}/versions/${saved.id}/restore`, {
      method: 'POST',
      headers: { authorization: `Bearer ${other.keys.facilitator}` },
    })
    expect(foreign.status).toBe(404)
  })
})

describe('copying a version as a new workshop', () => {
  beforeEach(() => start())

  it('creates a workshop with new keys holding the version', async () => {
    const anna = await connect(workshop.keys.participant)
    addPain(anna.doc, readNamedList(anna.doc, 'stages')[0]!.id, 'Copied card')
    await sleep(100)
    const saved = (await save('to copy')).body.version as Listed
    const answer = await api(`/versions/${saved.id}/copy`, { method: 'POST', key: workshop.keys.facilitator })
    expect(answer.status).toBe(201)
    const copy = answer.body as CreatedWorkshop & { title: string }
    expect(copy.id).not.toBe(workshop.id)
    expect(copy.title).toMatch(/\(copy\)$/)
    for (const role of ['facilitator', 'participant', 'viewer'] as const)
      expect(copy.keys[role]).not.toBe(workshop.keys[role])
    const old = await fetch(`${server.base}/api/workshops/${copy.id}`, {
      headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
    })
    expect(old.status).toBe(403)
    const seen = await connect(copy.keys.viewer, copy.id)
    expect(readPains(seen.doc).map((p) => p.text)).toContain('Copied card')
    expect(
      (await api(`/versions/${saved.id}/copy`, { method: 'POST', key: workshop.keys.participant })).status,
    ).toBe(403)
  })
})

describe('copying a vision workshop', () => {
  it('keeps its kind, its personas and its revealed ratings', async () => {
    server = await startTestServer()
    const full = fullVisionWorkshop('it')
    const imported = await fetch(`${server.base}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exportWorkshop(full.content, full.control)),
    })
    workshop = (await imported.json()) as CreatedWorkshop
    const [first] = await versions()
    const answer = await api(`/versions/${first!.id}/copy`, {
      method: 'POST',
      key: workshop.keys.facilitator,
    })
    expect(answer.status).toBe(201)
    const copy = answer.body as CreatedWorkshop & { title: string }
    expect(copy.title).toMatch(/\(copia\)$/)
    const report = (await (
      await fetch(`${server.base}/api/workshops/${copy.id}/exports/vision.json`, {
        headers: { authorization: `Bearer ${copy.keys.viewer}` },
      })
    ).json()) as { personas: unknown[]; culture: { answers: number } | null; factors: { chosen: boolean }[] }
    expect(report.personas).toHaveLength(2)
    expect(report.culture?.answers).toBe(4)
    expect(report.factors.filter((f) => f.chosen)).toHaveLength(3)
  })
})

describe('deleting a workshop', () => {
  beforeEach(() => start())

  it('removes its documents, registrations and versions, and closes whoever is connected', async () => {
    await save('one')
    await api('/participants', { method: 'POST', key: workshop.keys.participant, body: { name: 'Anna' } })
    const socket = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.participant}`)
    const closed = closeOf(socket)
    expect((await api('', { method: 'DELETE', key: workshop.keys.participant })).status).toBe(403)
    const answer = await api('', { method: 'DELETE', key: workshop.keys.facilitator })
    expect(answer.status).toBe(200)
    expect((await closed).code).toBe(4404)
    expect((await api('', { key: workshop.keys.facilitator })).status).toBe(404)

    for (const [table, column] of [
      ['versions', 'workshop_id'],
      ['participants', 'workshop_id'],
      ['doc_snapshots', 'room'],
      ['doc_updates', 'room'],
    ] as const) {
      expect(await storedRows(server.dataDir, table, column, workshop.id), table).toBe(0)
    }
  })
})
