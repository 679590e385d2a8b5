import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import type * as Y from 'yjs'
import { remainingMs } from '../../../shared/domain/timer.ts'
import { readTimer, readVote } from '../../../shared/schema/control.ts'
import { connectProvider, whenSynced } from '../../support/clients.ts'
import {
  type CreatedWorkshop,
  startTestServer,
  type TestServer,
  tempDataDir,
  watchedDemoWorkshop,
  workshopApi,
} from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop
let control: Y.Doc
let ids: string[]
let watched: Awaited<ReturnType<typeof watchedDemoWorkshop>>
const { api, join } = workshopApi(
  () => server.base,
  () => workshop.id,
  () => workshop.keys.participant,
)

beforeEach(async () => {
  server = await startTestServer({}, tempDataDir())
  watched = await watchedDemoWorkshop(server)
  ;({ workshop, control, ids } = watched)
})

afterEach(async () => {
  watched.stop()
  await server.close()
})

describe('dot voting on the server', () => {
  it('keeps dots private until the reveal and refuses more than allowed', async () => {
    const anna = await join('Anna')
    const bruno = await join('Bruno')
    const start = (key: string) =>
      api('/votes', {
        method: 'POST',
        key,
        body: { target: 'interventions', votesPerPerson: 3, maxPerItem: 2, anonymous: false },
      })
    expect((await start(workshop.keys.participant)).status).toBe(403)
    const { body } = await start(workshop.keys.facilitator)
    const put = (token: string, votes: Record<string, number>) =>
      api(`/votes/${body.id}/ballot`, {
        method: 'PUT',
        key: workshop.keys.participant,
        token,
        body: { votes },
      })

    const over = await put(anna.token, { [ids[0]!]: 2, [ids[1]!]: 2 })
    expect(over.status).toBe(400)
    expect(over.body.problems).toEqual([{ problem: 'too-many-dots', max: 3, used: 4 }])
    expect((await put(anna.token, { [ids[0]!]: 3 })).body.problems).toEqual([
      { problem: 'too-many-on-item', itemId: ids[0], max: 2 },
    ])
    expect((await put(anna.token, { [ids[0]!]: 2, [ids[1]!]: 1 })).status).toBe(200)
    expect((await put(bruno.token, { [ids[1]!]: 2 })).status).toBe(200)
    await expect.poll(() => readVote(control)?.answered).toBe(2)
    // Before the reveal nothing per card is published, and a participant reads only their own.
    expect(readVote(control)!.results).toBeNull()
    const mine = await api(`/votes/${body.id}/ballot`, { key: workshop.keys.participant, token: bruno.token })
    expect(mine.body.ballot).toEqual({ votes: { [ids[1]!]: 2 } })

    expect(
      (await api(`/votes/${body.id}/reveal`, { method: 'POST', key: workshop.keys.facilitator })).status,
    ).toBe(200)
    await expect.poll(() => readVote(control)?.status).toBe('revealed')
    expect(readVote(control)!.results).toEqual([
      { itemId: ids[1], votes: 3, rank: 1, voters: ['Anna', 'Bruno'] },
      { itemId: ids[0], votes: 2, rank: 2, voters: ['Anna'] },
      { itemId: ids[2], votes: 0, rank: 3, voters: [] },
    ])
    expect((await put(anna.token, {})).status).toBe(409)
  })
})

describe('the room timer on the server', () => {
  it('only the facilitator runs it; the server stamps the end with its own clock', async () => {
    expect(
      (await api('/timer', { method: 'POST', key: workshop.keys.participant, body: { action: 'stop' } }))
        .status,
    ).toBe(403)
    expect(
      (
        await api('/timer', {
          method: 'POST',
          key: workshop.keys.facilitator,
          body: { action: 'start', durationMs: 9e9 },
        })
      ).status,
    ).toBe(400)
    const before = Date.now()
    const started = await api('/timer', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { action: 'start', durationMs: 300_000 },
    })
    expect(started.status).toBe(200)
    await expect.poll(() => readTimer(control).status).toBe('running')
    const left = remainingMs(readTimer(control), Date.now())!
    expect(left).toBeGreaterThan(300_000 - (Date.now() - before) - 1000)
    expect(left).toBeLessThanOrEqual(300_000)
    await api('/timer', { method: 'POST', key: workshop.keys.facilitator, body: { action: 'pause' } })
    await expect.poll(() => readTimer(control).status).toBe('paused')
    await api('/timer', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { action: 'add', ms: 60_000 },
    })
    await expect.poll(() => remainingMs(readTimer(control), 0)! > 300_000).toBe(true)
    const time = await fetch(`${server.base}/api/time`).then((r) => r.json())
    expect(Math.abs(time.now - Date.now())).toBeLessThan(1000)
  })
})

describe('vision workshop ratings on the server', () => {
  it('score the culture statements alone; only aggregates, and only once closed', async () => {
    const vision = await server.createWorkshop({ title: 'Vision', language: 'en', kind: 'vision' })
    const call = workshopApi(
      () => server.base,
      () => vision.id,
      () => vision.keys.participant,
    )
    const anna = await call.join('Anna')
    const factors = await call.api('/ratings', {
      method: 'POST',
      key: vision.keys.facilitator,
      body: { purpose: 'factors' },
    })
    expect(factors).toMatchObject({ status: 400, body: { error: 'choose the factors to score first' } })
    const { body } = await call.api('/ratings', {
      method: 'POST',
      key: vision.keys.facilitator,
      body: { purpose: 'culture' },
    })
    const k = connectProvider(server.wsBase, `${vision.id}/control`, vision.keys.participant)
    onTestFinished(() => k.provider.destroy())
    await whenSynced(k.provider)
    const published = () =>
      k.doc.getMap('control').get('rating:culture') as {
        items: { id: string }[]
        results: unknown
        answered: number
      }
    await expect.poll(() => published()?.items.length).toBe(30)
    const ids = published().items.map((i) => i.id)
    const put = (scores: Record<string, Record<string, number>>) =>
      call.api(`/ratings/${body.id}/ballot`, {
        method: 'PUT',
        key: vision.keys.participant,
        token: anna.token,
        body: { scores },
      })
    const partial = await put({ [ids[0]!]: { score: 6 } })
    expect(partial.body.problems[0]).toEqual({
      problem: 'out-of-range',
      itemId: ids[0],
      axis: 'score',
      min: 1,
      max: 5,
    })
    expect((await put(Object.fromEntries(ids.map((id) => [id, { score: 3 }])))).status).toBe(200)
    await expect.poll(() => published().answered).toBe(1)
    expect(published().results).toBeNull()
    await call.api(`/ratings/${body.id}/close`, { method: 'POST', key: vision.keys.facilitator })
    await expect.poll(() => (published().results as unknown[] | null)?.length).toBe(30)

    // Starting again: the report keeps the revealed results until the new round has its own.
    const report = async () =>
      (await (
        await fetch(`${server.base}/api/workshops/${vision.id}/exports/vision.json`, {
          headers: { authorization: `Bearer ${vision.keys.viewer}` },
        })
      ).json()) as { culture: { statements: { mean: number | null }[] } | null }
    const again = await call.api('/ratings', {
      method: 'POST',
      key: vision.keys.facilitator,
      body: { purpose: 'culture' },
    })
    expect(again.status).toBe(201)
    await expect.poll(() => published().results).toBeNull()
    expect((await report()).culture?.statements[0]?.mean).toBe(3)
    const putAgain = (score: number) =>
      call.api(`/ratings/${again.body.id}/ballot`, {
        method: 'PUT',
        key: vision.keys.participant,
        token: anna.token,
        body: { scores: Object.fromEntries(ids.map((id) => [id, { score }])) },
      })
    expect((await putAgain(5)).status).toBe(200)
    await call.api(`/ratings/${again.body.id}/close`, { method: 'POST', key: vision.keys.facilitator })
    await expect.poll(async () => (await report()).culture?.statements[0]?.mean).toBe(5)
    expect(k.doc.getMap('control').has('rating:culture:previous')).toBe(false)
  })
})
