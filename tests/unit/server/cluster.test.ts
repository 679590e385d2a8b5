// Several Tavolo servers on one PostgreSQL and one Redis (real ones, started for this file):
// whatever reaches one node reaches the people of the same workshop on the others.

import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { connectRedisFanout } from '../../../server/fanout/redis.ts'
import { openPostgresStore } from '../../../server/persistence/postgres-store.ts'
import { readSurvey } from '../../../shared/schema/control.ts'
import { addPain, readPains } from '../../../shared/schema/journey.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { connectProvider, sleep, whenSynced } from '../../support/clients.ts'
import { startPostgres, type TestPostgres } from '../../support/postgres.ts'
import { startRedis, type TestRedis } from '../../support/redis.ts'
import { type CreatedWorkshop, slowStore, startTestServer, type TestServer } from '../../support/server.ts'

let postgres: TestPostgres
let redis: TestRedis
let nodes: TestServer[] = []
const providers: ReturnType<typeof connectProvider>[] = []

beforeAll(async () => {
  ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
}, 60_000)
afterAll(async () => {
  await redis?.stop()
  await postgres?.stop()
})
afterEach(async () => {
  for (const { provider } of providers.splice(0)) provider.destroy()
  await Promise.all(nodes.map((node) => node.close()))
  nodes = []
})

async function cluster(size: number): Promise<TestServer[]> {
  const url = await postgres.newDatabase()
  nodes = []
  for (let i = 0; i < size; i++) {
    nodes.push(await startTestServer({ DATABASE_URL: url, REDIS_URL: redis.url, ROOM_IDLE_MS: '30000' }))
  }
  return nodes
}

function open(node: TestServer, room: string, key: string) {
  const client = connectProvider(node.wsBase, room, key)
  providers.push(client)
  return client
}

const stageOf = (doc: Y.Doc) => readNamedList(doc, 'stages')[0]!.id
const painTexts = (doc: Y.Doc) => readPains(doc).map((p) => p.text)

describe('a workshop served by several nodes', () => {
  it('shows each edit and each presence on every node, both ways', async () => {
    const [one, two] = await cluster(2)
    const workshop: CreatedWorkshop = await one!.createWorkshop({ demo: true, language: 'it' })
    const anna = open(one!, workshop.id, workshop.keys.participant)
    const bruno = open(two!, workshop.id, workshop.keys.participant)
    await Promise.all([whenSynced(anna.provider), whenSynced(bruno.provider)])

    addPain(anna.doc, stageOf(anna.doc), 'scritto sul primo nodo')
    await expect.poll(() => painTexts(bruno.doc)).toContain('scritto sul primo nodo')
    addPain(bruno.doc, stageOf(bruno.doc), 'scritto sul secondo nodo')
    await expect.poll(() => painTexts(anna.doc)).toContain('scritto sul secondo nodo')

    anna.provider.awareness.setLocalStateField('name', 'Anna')
    await expect
      .poll(() => [...bruno.provider.awareness.getStates().values()].map((s) => s.name))
      .toContain('Anna')
    // Leaving one node takes the presence away on the other.
    anna.provider.disconnect()
    await expect
      .poll(() => [...bruno.provider.awareness.getStates().values()].map((s) => s.name))
      .not.toContain('Anna')

    const health = (await (await fetch(`${two!.base}/healthz`)).json()) as Record<string, unknown>
    expect(health).toEqual({ ok: true, store: 'postgresql', fanout: 'redis' })
  })

  it('runs a survey opened on one node, answered on another, with its results on a third', async () => {
    const [one, two, three] = await cluster(3)
    const workshop: CreatedWorkshop = await one!.createWorkshop({ demo: true, language: 'it' })
    const watcher = open(three!, `${workshop.id}/control`, workshop.keys.viewer)
    const content = open(three!, workshop.id, workshop.keys.viewer)
    await Promise.all([whenSynced(watcher.provider), whenSynced(content.provider)])
    const ids = content.doc.getMap('interventions').toJSON() as Record<string, unknown>
    const interventionIds = Object.keys(ids).slice(0, 2)
    const call = async (
      node: TestServer,
      path: string,
      init: { method: string; key: string; token?: string; body?: unknown },
    ) => {
      const response = await fetch(`${node.base}/api/workshops/${workshop.id}${path}`, {
        method: init.method,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${init.key}`,
          ...(init.token && { 'x-participant-token': init.token }),
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    const opened = await call(one!, '/surveys', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { interventionIds, question: { kind: 'rating' }, anonymous: false },
    })
    expect(opened.status).toBe(201)
    await expect.poll(() => readSurvey(watcher.doc)?.status).toBe('open')
    const carla = await call(two!, '/participants', {
      method: 'POST',
      key: workshop.keys.participant,
      body: { name: 'Carla' },
    })
    await expect.poll(() => readSurvey(watcher.doc)?.registered).toBe(1)
    const ballot = await call(two!, `/surveys/${opened.body.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: carla.body.token as string,
      body: { scores: { [interventionIds[0]!]: 5, [interventionIds[1]!]: 2 } },
    })
    expect(ballot.status).toBe(200)
    await expect.poll(() => readSurvey(watcher.doc)?.answered).toBe(1)
    expect(
      (
        await call(three!, `/surveys/${opened.body.id}/close`, {
          method: 'POST',
          key: workshop.keys.facilitator,
        })
      ).status,
    ).toBe(200)
    await expect.poll(() => readSurvey(watcher.doc)?.results?.ballots).toBe(1)
    // A ballot after the close, on any node, is refused.
    const late = await call(one!, `/surveys/${opened.body.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: carla.body.token as string,
      body: { scores: { [interventionIds[0]!]: 1, [interventionIds[1]!]: 1 } },
    })
    expect(late.status).toBe(409)
  })

  it('catches up from the store after Redis was away: nothing committed meanwhile is missing', async () => {
    const [one, two] = await cluster(2)
    const workshop: CreatedWorkshop = await one!.createWorkshop({ demo: true, language: 'it' })
    const anna = open(one!, workshop.id, workshop.keys.participant)
    const bruno = open(two!, workshop.id, workshop.keys.participant)
    await Promise.all([whenSynced(anna.provider), whenSynced(bruno.provider)])

    await redis.kill()
    await expect.poll(async () => (await fetch(`${one!.base}/healthz`)).status, { timeout: 10_000 }).toBe(503)
    addPain(anna.doc, stageOf(anna.doc), 'scritto mentre Redis era via')
    await sleep(300)
    expect(painTexts(bruno.doc)).not.toContain('scritto mentre Redis era via')

    await redis.start()
    await expect
      .poll(() => painTexts(bruno.doc), { timeout: 15_000 })
      .toContain('scritto mentre Redis era via')
    await expect.poll(async () => (await fetch(`${two!.base}/healthz`)).status, { timeout: 10_000 }).toBe(200)
    // And live again afterwards.
    addPain(bruno.doc, stageOf(bruno.doc), 'dopo il ritorno')
    await expect.poll(() => painTexts(anna.doc)).toContain('dopo il ritorno')
    const metrics = await (await fetch(`${two!.base}/metrics`)).text()
    expect(metrics).toMatch(/tavolo_catch_ups_total [1-9]/)
  }, 60_000)

  it('a node that is slow to open a room misses nothing the others commit meanwhile', async () => {
    const url = await postgres.newDatabase()
    const one = await startTestServer({ DATABASE_URL: url, REDIS_URL: redis.url, ROOM_IDLE_MS: '30000' })
    nodes.push(one)
    // The second node's store answers each call up to 150 ms late, as a distant database would.
    const slow = slowStore(await openPostgresStore(url), 150)
    const two = await startTestServer(
      { DATABASE_URL: url, REDIS_URL: redis.url, ROOM_IDLE_MS: '30000' },
      undefined,
      slow,
    )
    nodes.push(two)
    const workshop: CreatedWorkshop = await one.createWorkshop({ demo: true, language: 'it' })
    const anna = open(one, workshop.id, workshop.keys.participant)
    await whenSynced(anna.provider)
    let written = 0
    const writing = setInterval(() => {
      written++
      addPain(anna.doc, stageOf(anna.doc), `mentre il secondo nodo apre ${written}`)
    }, 15)
    const bruno = open(two, workshop.id, workshop.keys.participant)
    try {
      await whenSynced(bruno.provider, 15_000)
      await sleep(200)
    } finally {
      clearInterval(writing)
    }
    const expected = painTexts(anna.doc).filter((text) => text.startsWith('mentre'))
    expect(expected.length).toBe(written)
    await expect
      .poll(
        () =>
          painTexts(bruno.doc)
            .filter((text) => text.startsWith('mentre'))
            .sort(),
        { timeout: 5000 },
      )
      .toEqual([...expected].sort())
  }, 30_000)

  it('treats a node that falls silent as a gap: what it committed but never sent is read from the store', async () => {
    const log = pino({ level: 'silent' })
    const [dying, survivor] = [
      await connectRedisFanout(redis.url, log),
      await connectRedisFanout(redis.url, log),
    ]
    let gaps = 0
    survivor.listen({ receive: () => {}, gap: () => gaps++ })
    dying.listen({ receive: () => {}, gap: () => {} })
    dying.publish([{ room: 'r', kind: 'update', data: new Uint8Array([0, 0]) }])
    await sleep(1500)
    expect(gaps).toBe(0)
    await dying.close()
    await expect.poll(() => gaps, { timeout: 8000 }).toBe(1)
    await survivor.close()
  }, 20_000)
})

describe('a node whose PostgreSQL goes away', () => {
  let own: TestPostgres
  beforeAll(async () => {
    own = await startPostgres()
  }, 60_000)
  afterAll(() => own?.stop())

  it('refuses writes and says so, then stores the change its client sends again once the database is back', async () => {
    const node = await startTestServer({ DATABASE_URL: await own.newDatabase(), ROOM_IDLE_MS: '0' })
    nodes.push(node)
    const workshop: CreatedWorkshop = await node.createWorkshop({ demo: true, language: 'it' })
    const anna = open(node, workshop.id, workshop.keys.participant)
    await whenSynced(anna.provider)
    expect((await fetch(`${node.base}/healthz`)).status).toBe(200)

    own.kill()
    addPain(anna.doc, stageOf(anna.doc), 'scritto mentre PostgreSQL era via')
    await expect.poll(async () => (await fetch(`${node.base}/healthz`)).status, { timeout: 10_000 }).toBe(503)
    const health = (await (await fetch(`${node.base}/healthz`)).json()) as { ok: boolean; error: string }
    expect(health.ok).toBe(false)
    expect(health.error).toMatch(/storage cannot write/)
    const joining = await fetch(`${node.base}/api/workshops/${workshop.id}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.keys.participant}` },
      body: JSON.stringify({ name: 'Bruno' }),
    })
    expect(joining.status).toBe(503)

    own.start()
    await expect.poll(async () => (await fetch(`${node.base}/healthz`)).status, { timeout: 15_000 }).toBe(200)
    // The stock client reconnects and sends its change again; a newcomer reads it from the store.
    await whenSynced(anna.provider, 15_000)
    await expect
      .poll(
        async () => {
          const later = open(node, workshop.id, workshop.keys.viewer)
          await whenSynced(later.provider)
          const texts = painTexts(later.doc)
          later.provider.destroy()
          return texts
        },
        { timeout: 15_000 },
      )
      .toContain('scritto mentre PostgreSQL era via')
  }, 60_000)
})
