// One suite for every store: what the server relies on, run against SQLite and PostgreSQL.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openPostgresStore } from '../../../server/persistence/postgres-store.ts'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import {
  type ParticipantRecord,
  StorageUnavailableError,
  type Store,
  type SurveyRecord,
  type VersionRecord,
  type WorkshopRecord,
} from '../../../server/persistence/store.ts'
import { startPostgres, type TestPostgres } from '../../support/postgres.ts'
import { tempDataDir } from '../../support/server.ts'

let postgres: TestPostgres
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres?.stop())

const opens: [string, () => Promise<Store>][] = [
  ['SQLite', async () => openSqliteStore(tempDataDir())],
  ['PostgreSQL', async () => openPostgresStore(await postgres.newDatabase())],
]

const bytes = (...values: number[]) => new Uint8Array(values)
/** The list a stored document holds. */
const contentOf = (stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }) => {
  const doc = new Y.Doc()
  for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update)
  return doc.getArray<string>('list').toArray()
}
const workshop = (id: string, createdAt = 1000): WorkshopRecord => ({
  id,
  title: `Consegna dell'auto ${id}`,
  organisation: 'Noleggio à lungo termine',
  language: 'it',
  createdAt,
  keyHashes: { facilitator: `f-${id}`, participant: `p-${id}`, viewer: `v-${id}` },
  sealedKeys: `sealed-${id}`,
})
const participant = (id: string, workshopId: string, createdAt: number): ParticipantRecord => ({
  id,
  workshopId,
  name: `Persona ${id}`,
  unitId: createdAt % 2 === 0 ? 'unit-1' : null,
  tokenHash: `token-${id}`,
  createdAt,
  browserHash: createdAt % 2 === 0 ? `browser-${id}` : null,
})
const survey = (
  id: string,
  workshopId: string,
  kind: SurveyRecord['kind'],
  createdAt: number,
): SurveyRecord => ({
  id,
  workshopId,
  kind,
  definition: JSON.stringify({ id, note: 'è così' }),
  status: 'open',
  createdAt,
})
const version = (id: string, workshopId: string, createdAt: number): VersionRecord => ({
  id,
  workshopId,
  createdAt,
  reason: 'manual',
  label: `Prima della revisione ${id}`,
  step: 'meeting2',
  people: ['Anna', 'Bruno'],
  counts: { pains: 3, interventions: 2 },
  content: bytes(1, 2, 3, 0, 255),
  control: bytes(9, 8, 7),
})

describe.each(opens)('the %s store', (_name, open) => {
  let store: Store
  beforeEach(async () => {
    store = await open()
  })
  afterEach(() => store.close())

  it('keeps a workshop with its first documents, and replaces its keys', async () => {
    await store.createWorkshop(workshop('w1'), { w1: bytes(1, 2), 'w1/control': bytes(3) })
    expect(await store.getWorkshop('w1')).toEqual(workshop('w1'))
    expect(await store.getWorkshop('nobody')).toBeUndefined()
    expect(await store.loadDocument('w1')).toEqual({ snapshot: bytes(1, 2), updates: [] })
    expect(await store.loadDocument('w1/control')).toEqual({ snapshot: bytes(3), updates: [] })
    expect(await store.loadDocument('never')).toEqual({ snapshot: null, updates: [] })
    const keyHashes = { facilitator: 'f2', participant: 'p2', viewer: 'v2' }
    await store.replaceKeys('w1', keyHashes, 'sealed2')
    expect(await store.getWorkshop('w1')).toEqual({ ...workshop('w1'), keyHashes, sealedKeys: 'sealed2' })
  })

  it('gives back each room its updates in the order they were appended, until a compaction replaces them', async () => {
    const a = new Y.Doc()
    const changes: Uint8Array[] = []
    a.on('update', (update: Uint8Array) => changes.push(update))
    a.getArray<string>('list').push(['uno'])
    a.getArray<string>('list').push(['due'])
    a.getMap('big').set('text', 'à'.repeat(200_000))
    await store.appendUpdates([
      { room: 'a', update: changes[0]! },
      { room: 'b', update: bytes(2) },
      { room: 'a', update: changes[1]! },
    ])
    await store.appendUpdates([])
    await store.appendUpdates([{ room: 'a', update: changes[2]! }])
    const loaded = await store.loadDocument('a')
    expect(loaded.snapshot).toBeNull()
    const hex = (update: Uint8Array) => Buffer.from(update).toString('hex')
    expect(loaded.updates.map(hex)).toEqual(changes.slice(0, 3).map(hex))
    expect(await store.loadDocument('b')).toEqual({ snapshot: null, updates: [bytes(2)] })
    await store.compact('a', Y.encodeStateAsUpdate(a))
    a.getArray<string>('list').push(['tre'])
    await store.appendUpdates([{ room: 'a', update: changes[3]! }])
    const compacted = await store.loadDocument('a')
    expect(compacted.updates).toHaveLength(1)
    expect(contentOf(compacted)).toEqual(['uno', 'due', 'tre'])
    await store.compact('a', Y.encodeStateAsUpdate(a))
    expect((await store.loadDocument('a')).updates).toEqual([])
    expect(contentOf(await store.loadDocument('a'))).toEqual(['uno', 'due', 'tre'])
    expect(await store.loadDocument('b')).toEqual({ snapshot: null, updates: [bytes(2)] })
  })

  it('keeps no deleted content in a compacted snapshot', async () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('note').insert(0, 'x'.repeat(100_000))
    doc.getText('note').delete(0, 100_000)
    doc.getText('note').insert(0, 'breve')
    await store.appendUpdates(updates.map((update) => ({ room: 'n', update })))
    await store.compact('n', Y.encodeStateAsUpdate(doc))
    const stored = await store.loadDocument('n')
    expect(stored.updates).toEqual([])
    expect(stored.snapshot!.length).toBeLessThan(1000)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.snapshot!)
    expect(reloaded.getText('note').toString()).toBe('breve')
  })

  it('finds participants by token, lists them in order of joining, and removes one with its ballots', async () => {
    await store.createWorkshop(workshop('w1'), {})
    await store.createWorkshop(workshop('w2'), {})
    for (const [id, at] of [
      ['p2', 20],
      ['p1', 10],
      ['p3', 30],
    ] as const)
      await store.addParticipant(participant(id, 'w1', at))
    await store.addParticipant(participant('q1', 'w2', 5))
    expect((await store.listParticipants('w1')).map((p) => p.id)).toEqual(['p1', 'p2', 'p3'])
    expect(await store.findParticipant('w1', 'token-p2')).toEqual(participant('p2', 'w1', 20))
    expect(await store.findParticipant('w2', 'token-p2')).toBeUndefined()
    await store.createSurvey(survey('s1', 'w1', 'survey', 1))
    await store.putBallot({ surveyId: 's1', participantId: 'p2', ballot: '{"x":1}', updatedAt: 5 })
    await store.removeParticipant('w1', 'p2')
    expect(await store.findParticipant('w1', 'token-p2')).toBeUndefined()
    expect(await store.listBallots('s1')).toEqual([])
    expect((await store.listParticipants('w1')).map((p) => p.id)).toEqual(['p1', 'p3'])
  })

  it('folds a duplicate registration into another: the later ballot of each round, both tokens', async () => {
    await store.createWorkshop(workshop('w1'), {})
    await store.addParticipant(participant('keep', 'w1', 1))
    await store.addParticipant(participant('dup', 'w1', 2))
    for (const id of ['s1', 's2', 's3']) await store.createSurvey(survey(id, 'w1', 'dots', 1))
    const put = (surveyId: string, participantId: string, updatedAt: number) =>
      store.putBallot({ surveyId, participantId, ballot: `"${participantId}@${updatedAt}"`, updatedAt })
    await put('s1', 'keep', 10)
    await put('s1', 'dup', 20)
    await put('s2', 'keep', 30)
    await put('s2', 'dup', 5)
    await put('s3', 'dup', 7)
    await store.mergeParticipant('w1', 'dup', 'keep')
    expect((await store.listParticipants('w1')).map((p) => p.id)).toEqual(['keep'])
    expect((await store.findParticipant('w1', 'token-dup'))?.id).toBe('keep')
    expect((await store.findParticipant('w1', 'token-keep'))?.id).toBe('keep')
    expect((await store.getBallot('s1', 'keep'))?.ballot).toBe('"dup@20"')
    expect((await store.getBallot('s2', 'keep'))?.ballot).toBe('"keep@30"')
    expect((await store.getBallot('s3', 'keep'))?.ballot).toBe('"dup@7"')
    expect(await store.getBallot('s1', 'dup')).toBeUndefined()
    await store.mergeParticipant('w1', 'nobody', 'keep')
    expect((await store.listParticipants('w1')).map((p) => p.id)).toEqual(['keep'])
  })

  it('keeps rounds by workshop and kind, their status and definition, and one ballot per person', async () => {
    await store.createWorkshop(workshop('w1'), {})
    await store.createWorkshop(workshop('w2'), {})
    await store.addParticipant(participant('p1', 'w1', 1))
    await store.createSurvey(survey('b', 'w1', 'survey', 20))
    await store.createSurvey(survey('a', 'w1', 'survey', 10))
    await store.createSurvey(survey('c', 'w1', 'scoring', 5))
    await store.createSurvey(survey('d', 'w2', 'survey', 1))
    expect((await store.listSurveys('w1', 'survey')).map((s) => s.id)).toEqual(['a', 'b'])
    expect(await store.getSurvey('w1', 'c')).toEqual(survey('c', 'w1', 'scoring', 5))
    expect(await store.getSurvey('w2', 'c')).toBeUndefined()
    await store.setSurveyStatus('a', 'closed')
    await store.setSurveyDefinition('b', '{"changed":true}')
    expect((await store.listOpenSurveys('survey')).map((s) => s.id).sort()).toEqual(['b', 'd'])
    expect((await store.getSurvey('w1', 'b'))?.definition).toBe('{"changed":true}')
    await store.putBallot({ surveyId: 'b', participantId: 'p1', ballot: '{"v":1}', updatedAt: 1 })
    await store.putBallot({ surveyId: 'b', participantId: 'p1', ballot: '{"v":2}', updatedAt: 2 })
    expect(await store.listBallots('b')).toEqual([
      { surveyId: 'b', participantId: 'p1', ballot: '{"v":2}', updatedAt: 2 },
    ])
    expect(await store.getBallot('a', 'p1')).toBeUndefined()
  })

  it('lists versions oldest first without their documents, gives one back whole, deletes some', async () => {
    await store.createWorkshop(workshop('w1'), {})
    await store.addVersion(version('v2', 'w1', 200))
    await store.addVersion(version('v1', 'w1', 100))
    await store.addVersion(version('v3', 'w1', 200))
    const summaries = await store.listVersions('w1')
    expect(summaries.map((v) => v.id)).toEqual(['v1', 'v2', 'v3'])
    const { content: _c, control: _k, ...summary } = version('v1', 'w1', 100)
    expect(summaries[0]).toEqual(summary)
    expect(await store.getVersion('w1', 'v2')).toEqual(version('v2', 'w1', 200))
    expect(await store.getVersion('other', 'v2')).toBeUndefined()
    await store.deleteVersions('w1', ['v1', 'v3'])
    expect((await store.listVersions('w1')).map((v) => v.id)).toEqual(['v2'])
  })

  it('deletes a workshop with every row kept for it, and nothing of another', async () => {
    for (const id of ['w1', 'w2']) {
      await store.createWorkshop(workshop(id), { [id]: bytes(1), [`${id}/control`]: bytes(2) })
      await store.appendUpdates([{ room: id, update: bytes(3) }])
      await store.addParticipant(participant(`${id}-p`, id, 1))
      await store.createSurvey(survey(`${id}-s`, id, 'survey', 1))
      await store.putBallot({ surveyId: `${id}-s`, participantId: `${id}-p`, ballot: '{}', updatedAt: 1 })
      await store.addVersion(version(`${id}-v`, id, 1))
    }
    await store.deleteWorkshop('w1')
    expect(await store.getWorkshop('w1')).toBeUndefined()
    expect(await store.loadDocument('w1')).toEqual({ snapshot: null, updates: [] })
    expect(await store.loadDocument('w1/control')).toEqual({ snapshot: null, updates: [] })
    expect(await store.listParticipants('w1')).toEqual([])
    expect(await store.getSurvey('w1', 'w1-s')).toBeUndefined()
    expect(await store.listBallots('w1-s')).toEqual([])
    expect(await store.listVersions('w1')).toEqual([])
    expect(await store.getWorkshop('w2')).toEqual(workshop('w2'))
    expect((await store.loadDocument('w2')).updates).toHaveLength(1)
    expect(await store.listBallots('w2-s')).toHaveLength(1)
  })

  it('keeps programmes and their groups in the order added; a deleted workshop leaves its programmes', async () => {
    const programme = {
      id: 'p1',
      title: 'Programma CX 2027',
      organisation: 'AutoLungo',
      language: 'it' as const,
      createdAt: 5,
      keyHashes: { facilitator: 'pf', viewer: 'pv' },
      sealedViewerKey: 'sealed-p1',
    }
    await store.createProgramme(programme)
    expect(await store.getProgramme('p1')).toEqual(programme)
    expect(await store.getProgramme('nope')).toBeUndefined()
    for (const id of ['w3', 'w1', 'w2']) await store.createWorkshop(workshop(id), { [id]: bytes(1) })
    await store.addProgrammeWorkshop('p1', 'w3', 10)
    await store.addProgrammeWorkshop('p1', 'w1', 20)
    await store.addProgrammeWorkshop('p1', 'w2', 20)
    await store.addProgrammeWorkshop('p1', 'w3', 30)
    expect(await store.listProgrammeWorkshops('p1')).toEqual(['w3', 'w1', 'w2'])
    await store.removeProgrammeWorkshop('p1', 'w1')
    await store.deleteWorkshop('w3')
    expect(await store.listProgrammeWorkshops('p1')).toEqual(['w2'])
    expect(await store.listProgrammeWorkshops('nope')).toEqual([])
  })

  it('keeps webhooks and their delivery log; due deliveries are found after a restart; removal takes the log', async () => {
    for (const id of ['w1', 'w2']) await store.createWorkshop(workshop(id), { [id]: bytes(1) })
    const hook = {
      id: 'h1',
      workshopId: 'w1',
      url: 'http://127.0.0.1:9/hook',
      secret: 's3cret',
      events: ['survey.closed'],
      createdAt: 3,
    }
    await store.addWebhook(hook)
    await store.addWebhook({ ...hook, id: 'h2', workshopId: 'w2' })
    expect(await store.listWebhooks('w1')).toEqual([hook])
    const delivery = {
      id: 'd1',
      webhookId: 'h1',
      workshopId: 'w1',
      event: 'survey.closed',
      body: '{"event":"survey.closed"}',
      status: 'pending' as const,
      attempts: 1,
      responseStatus: 500,
      error: 'HTTP 500',
      createdAt: 10,
      updatedAt: 11,
      nextAt: 20,
    }
    await store.putDelivery(delivery)
    await store.putDelivery({ ...delivery, id: 'd2', createdAt: 12, updatedAt: 12, nextAt: 40 })
    expect((await store.listDueDeliveries(30)).map((d) => d.id)).toEqual(['d1'])
    const done = {
      ...delivery,
      status: 'delivered' as const,
      attempts: 2,
      responseStatus: 204,
      error: null,
      updatedAt: 21,
      nextAt: null,
    }
    await store.putDelivery(done)
    expect(await store.listDeliveries('w1', 10)).toEqual([
      { ...delivery, id: 'd2', createdAt: 12, updatedAt: 12, nextAt: 40 },
      done,
    ])
    expect(await store.listDeliveries('w1', 1)).toHaveLength(1)
    expect((await store.listDueDeliveries(100)).map((d) => d.id)).toEqual(['d2'])
    await store.removeWebhook('w1', 'h1')
    expect(await store.listWebhooks('w1')).toEqual([])
    expect(await store.listDeliveries('w1', 10)).toEqual([])
    await store.deleteWorkshop('w2')
    expect(await store.listWebhooks('w2')).toEqual([])
  })

  it('runs the critical sections of one key one after the other, and of different keys side by side', async () => {
    const log: string[] = []
    const section = (key: string, name: string) =>
      store.exclusive(key, async () => {
        log.push(`${name} in`)
        await new Promise((resolve) => setTimeout(resolve, 30))
        log.push(`${name} out`)
        return name
      })
    expect(await Promise.all([section('k', 'a'), section('k', 'b')])).toEqual(['a', 'b'])
    expect(log).toEqual(['a in', 'a out', 'b in', 'b out'])
    log.length = 0
    await Promise.all([section('k1', 'a'), section('k2', 'b')])
    expect(log.slice(0, 2).sort()).toEqual(['a in', 'b in'])
    await expect(store.exclusive('k', async () => Promise.reject(new Error('inside')))).rejects.toThrow(
      'inside',
    )
    expect(await section('k', 'after a failure')).toBe('after a failure')
    await store.probeWrite()
  })
})

describe('the PostgreSQL store shared by several servers', () => {
  it('keeps one critical section per key across two stores on one database', async () => {
    const url = await postgres.newDatabase()
    const [one, two] = [await openPostgresStore(url), await openPostgresStore(url)]
    try {
      const log: string[] = []
      const section = (store: Store, name: string) =>
        store.exclusive('rounds:w1', async () => {
          log.push(`${name} in`)
          await new Promise((resolve) => setTimeout(resolve, 50))
          log.push(`${name} out`)
        })
      await Promise.all([section(one, 'one'), section(two, 'two')])
      const first = log[0]!.split(' ')[0]
      const second = first === 'one' ? 'two' : 'one'
      expect(log).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`])
      await one.appendUpdates([{ room: 'r', update: bytes(1) }])
      expect(await two.loadDocument('r')).toEqual({ snapshot: null, updates: [bytes(1)] })
    } finally {
      await Promise.all([one.close(), two.close()])
    }
  })

  it("compacts without dropping an update another server stored and this one's snapshot lacks", async () => {
    const url = await postgres.newDatabase()
    const [one, two] = [await openPostgresStore(url), await openPostgresStore(url)]
    try {
      const first = new Y.Doc()
      const second = new Y.Doc()
      const write = async (doc: Y.Doc, store: Store, word: string) => {
        const before = Y.encodeStateVector(doc)
        doc.getArray<string>('list').push([word])
        await store.appendUpdates([{ room: 'r', update: Y.encodeStateAsUpdate(doc, before) }])
      }
      await write(first, one, 'from one')
      await write(second, two, 'from two')
      // The first server has not heard of the second's update when it compacts.
      await one.compact('r', Y.encodeStateAsUpdate(first))
      const stored = await two.loadDocument('r')
      expect(stored.updates).toEqual([])
      expect(contentOf(stored).sort()).toEqual(['from one', 'from two'])
    } finally {
      await Promise.all([one.close(), two.close()])
    }
  })
})

describe('the PostgreSQL store when the database goes away', () => {
  let own: TestPostgres
  beforeAll(async () => {
    own = await startPostgres()
  }, 60_000)
  afterAll(() => own?.stop())

  it('refuses with StorageUnavailableError, stores nothing, and works again once the database is back', async () => {
    const store = await openPostgresStore(await own.newDatabase())
    try {
      await store.appendUpdates([{ room: 'r', update: bytes(1) }])
      own.kill()
      await expect(store.appendUpdates([{ room: 'r', update: bytes(2) }])).rejects.toBeInstanceOf(
        StorageUnavailableError,
      )
      await expect(store.probeWrite()).rejects.toBeInstanceOf(StorageUnavailableError)
      own.start()
      await expect
        .poll(
          () =>
            store.probeWrite().then(
              () => 'writes',
              () => 'refuses',
            ),
          { timeout: 10_000 },
        )
        .toBe('writes')
      expect(await store.loadDocument('r')).toEqual({ snapshot: null, updates: [bytes(1)] })
    } finally {
      await store.close()
    }
  }, 30_000)
})
