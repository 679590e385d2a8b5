import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { PublishedScoringRound } from '../../../shared/domain/scoring-round.ts'
import { readScoringRound } from '../../../shared/schema/control.ts'
import { readInterventions } from '../../../shared/schema/interventions.ts'
import { readMatrixPositions } from '../../../shared/schema/materiality.ts'
import { connectProvider, whenSynced } from '../../support/clients.ts'
import {
  type CreatedWorkshop,
  startTestServer,
  type TestServer,
  tempDataDir,
  workshopApi,
} from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop
let content: Y.Doc
let control: Y.Doc
let ids: string[]
const providers: WebsocketProvider[] = []
const dataDir = tempDataDir()
const { api, join } = workshopApi(
  () => server.base,
  () => workshop.id,
  () => workshop.keys.participant,
)
const round = () => readScoringRound(control) as PublishedScoringRound

beforeEach(async () => {
  server = await startTestServer({}, dataDir)
  workshop = await server.createWorkshop({ demo: true, language: 'en' })
  const c = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer)
  const k = connectProvider(server.wsBase, `${workshop.id}/control`, workshop.keys.participant)
  providers.push(c.provider, k.provider)
  await Promise.all([whenSynced(c.provider), whenSynced(k.provider)])
  content = c.doc
  control = k.doc
  ids = readInterventions(content).map((i) => i.id)
})

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await server.close()
})

const ballotOf = (pairs: [number, number][]) => ({
  scores: Object.fromEntries(ids.map((id, i) => [id, { x: pairs[i]![0], y: pairs[i]![1] }])),
})

describe('the silent scoring round on the server', () => {
  it('keeps ballots private until the reveal, then places every card at the average', async () => {
    const anna = await join('Anna')
    const bruno = await join('Bruno')
    expect((await api('/scoring-rounds', { method: 'POST', key: workshop.keys.participant })).status).toBe(
      403,
    )
    const started = await api('/scoring-rounds', { method: 'POST', key: workshop.keys.facilitator })
    expect(started.status).toBe(201)
    const rid = started.body.id as string
    await expect.poll(() => round()?.status).toBe('open')
    expect(round().interventions.map((i) => i.id)).toEqual(ids)
    expect(round().registered).toBe(2)

    const put = (token: string, body: unknown) =>
      api(`/scoring-rounds/${rid}/ballot`, { method: 'PUT', key: workshop.keys.participant, token, body })
    const refused = await put(anna.token, { scores: { [ids[0]!]: { x: 6, y: 1 } } })
    expect(refused.status).toBe(400)
    expect(refused.body.problems).toContainEqual({
      problem: 'out-of-range',
      interventionId: ids[0],
      min: 1,
      max: 5,
      axis: 'x',
    })
    expect(refused.body.problems).toContainEqual({
      problem: 'missing-score',
      interventionId: ids[1],
      axis: 'y',
    })

    expect(
      (
        await put(
          anna.token,
          ballotOf([
            [5, 5],
            [1, 1],
            [3, 3],
          ]),
        )
      ).status,
    ).toBe(200)
    expect(
      (
        await put(
          bruno.token,
          ballotOf([
            [5, 3],
            [5, 1],
            [3, 3],
          ]),
        )
      ).status,
    ).toBe(200)
    await expect.poll(() => round().answered).toBe(2)
    expect(round().results).toBeNull()
    expect(JSON.stringify(readScoringRound(control))).not.toContain('"x":5')
    expect(readMatrixPositions(content)).toEqual({})

    const mine = await api(`/scoring-rounds/${rid}/ballot`, {
      key: workshop.keys.participant,
      token: anna.token,
    })
    expect(mine.body.ballot.scores[ids[0]!]).toEqual({ x: 5, y: 5 })
    const who = await api(`/scoring-rounds/${rid}/participation`, { key: workshop.keys.facilitator })
    expect(who.body).toEqual({ answered: ['Anna', 'Bruno'], pending: [] })

    expect(
      (await api(`/scoring-rounds/${rid}/reveal`, { method: 'POST', key: workshop.keys.participant })).status,
    ).toBe(403)
    expect(
      (await api(`/scoring-rounds/${rid}/reveal`, { method: 'POST', key: workshop.keys.facilitator })).status,
    ).toBe(200)
    await expect.poll(() => round().status).toBe('revealed')
    const results = round().results!
    // Means 5 / 4 on the first card are 100 / 75; the second splits 1 vs 5 on x: spread 2 → 50.
    expect(results.results[0]).toMatchObject({ x: 100, y: 75, spreadX: 0, spreadY: 25, answers: 2 })
    expect(results.results[1]).toMatchObject({ x: 50, y: 0, spreadX: 50, spreadY: 0 })
    expect(results.disagreementOrder[0]).toBe(ids[1])
    await expect.poll(() => readMatrixPositions(content)[ids[0]!]).toEqual({ x: 100, y: 75 })
    expect(readMatrixPositions(content)[ids[2]!]).toEqual({ x: 50, y: 50 })

    expect(
      (
        await put(
          anna.token,
          ballotOf([
            [1, 1],
            [1, 1],
            [1, 1],
          ]),
        )
      ).status,
    ).toBe(409)
    expect(
      (await api(`/scoring-rounds/${rid}/reveal`, { method: 'POST', key: workshop.keys.facilitator })).status,
    ).toBe(409)
  })

  it('refuses unknown interventions and rounds of another kind, and survives a restart', async () => {
    const bad = await api('/scoring-rounds', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { interventionIds: ['nope'] },
    })
    expect(bad).toMatchObject({ status: 400, body: { error: 'unknown interventions: nope' } })
    const survey = await api('/surveys', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { interventionIds: ids, question: { kind: 'rating' }, anonymous: true },
    })
    expect(
      (
        await api(`/scoring-rounds/${survey.body.id}/reveal`, {
          method: 'POST',
          key: workshop.keys.facilitator,
        })
      ).status,
    ).toBe(404)

    const carla = await join('Carla')
    const { body } = await api('/scoring-rounds', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: {},
    })
    await api(`/scoring-rounds/${body.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: carla.token,
      body: ballotOf([
        [2, 2],
        [2, 2],
        [2, 2],
      ]),
    })
    for (const provider of providers.splice(0)) provider.destroy()
    await server.close()
    server = await startTestServer({}, dataDir)
    const mine = await api(`/scoring-rounds/${body.id}/ballot`, {
      key: workshop.keys.participant,
      token: carla.token,
    })
    expect(mine.body.ballot.scores[ids[0]!]).toEqual({ x: 2, y: 2 })
  })
})
