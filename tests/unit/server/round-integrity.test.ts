import http from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import type { Store } from '../../../server/persistence/store.ts'
import { controlMap, readScoringRound, readSurvey, readVote } from '../../../shared/schema/control.ts'
import { sleep } from '../../support/clients.ts'
import {
  type CreatedWorkshop,
  slowStore,
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
const asFacilitator = (path: string, body?: unknown) =>
  api(path, { method: 'POST', key: workshop.keys.facilitator, ...(body !== undefined && { body }) })

async function open(env: Record<string, string> = {}, store?: Store) {
  server = await startTestServer(env, undefined, store)
  watched = await watchedDemoWorkshop(server)
  ;({ workshop, control, ids } = watched)
}

afterEach(async () => {
  watched.stop()
  await server.close()
})

/** Sends a ballot's headers and half its body now; `finish` sends the rest and answers the status. */
function slowBallot(path: string, token: string, body: unknown) {
  const text = JSON.stringify(body)
  let answer: (status: number) => void
  const status = new Promise<number>((resolve) => {
    answer = resolve
  })
  const req = http.request(`${server.base}/api/workshops/${workshop.id}${path}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      authorization: `Bearer ${workshop.keys.participant}`,
      'x-participant-token': token,
    },
  })
  req.on('response', (res) => {
    res.resume()
    answer(res.statusCode ?? 0)
  })
  req.write(text.slice(0, 5))
  return {
    finish: async () => {
      req.end(text.slice(5))
      return status
    },
  }
}

describe('a ballot whose body arrives after the close', () => {
  beforeEach(() => open())

  it('dot vote: refused with 409, and the revealed results stay published', async () => {
    const [anna, bruno] = [await join('Anna'), await join('Bruno')]
    const { body } = await asFacilitator('/votes', {
      target: 'interventions',
      votesPerPerson: 3,
      maxPerItem: 3,
      anonymous: true,
    })
    const voteId = (body as { id: string }).id
    expect(
      (
        await api(`/votes/${voteId}/ballot`, {
          method: 'PUT',
          key: workshop.keys.participant,
          token: anna.token,
          body: { votes: { [ids[0]!]: 3 } },
        })
      ).status,
    ).toBe(200)
    const late = slowBallot(`/votes/${voteId}/ballot`, bruno.token, { votes: { [ids[1]!]: 3 } })
    await sleep(50)
    expect((await asFacilitator(`/votes/${voteId}/reveal`)).status).toBe(200)
    await expect.poll(() => readVote(control)?.status).toBe('revealed')
    expect(await late.finish()).toBe(409)
    await sleep(100)
    const vote = readVote(control)!
    expect(vote.status).toBe('revealed')
    expect(vote.answered).toBe(1)
    expect(vote.results?.find((r) => r.itemId === ids[0])?.votes).toBe(3)
  })

  it('survey: refused with 409, the published results unchanged', async () => {
    const [anna, bruno] = [await join('Anna'), await join('Bruno')]
    const { body } = await asFacilitator('/surveys', {
      interventionIds: ids.slice(0, 2),
      question: { kind: 'rating' },
      anonymous: false,
    })
    const surveyId = (body as { id: string }).id
    const scores = { [ids[0]!]: 5, [ids[1]!]: 1 }
    await api(`/surveys/${surveyId}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: { scores },
    })
    const late = slowBallot(`/surveys/${surveyId}/ballot`, bruno.token, {
      scores: { [ids[0]!]: 1, [ids[1]!]: 5 },
    })
    await sleep(50)
    await asFacilitator(`/surveys/${surveyId}/close`)
    await expect.poll(() => readSurvey(control)?.status).toBe('closed')
    expect(await late.finish()).toBe(409)
    await sleep(100)
    expect(readSurvey(control)?.status).toBe('closed')
    expect(readSurvey(control)?.results?.ballots).toBe(1)
  })

  it('scoring round: refused with 409, the revealed averages stay', async () => {
    const [anna, bruno] = [await join('Anna'), await join('Bruno')]
    const { body } = await asFacilitator('/scoring-rounds', {})
    const roundId = (body as { id: string }).id
    const all = (x: number, y: number) => ({ scores: Object.fromEntries(ids.map((id) => [id, { x, y }])) })
    await api(`/scoring-rounds/${roundId}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: all(5, 5),
    })
    const late = slowBallot(`/scoring-rounds/${roundId}/ballot`, bruno.token, all(1, 1))
    await sleep(50)
    await asFacilitator(`/scoring-rounds/${roundId}/reveal`)
    await expect.poll(() => readScoringRound(control)?.status).toBe('revealed')
    expect(await late.finish()).toBe(409)
    await sleep(100)
    expect(readScoringRound(control)?.status).toBe('revealed')
    expect(readScoringRound(control)?.results?.ballots).toBe(1)
  })
})

describe('with a store that answers late, ballots racing the close', () => {
  it('every ballot answered 200 is in the results, every other is answered 409', async () => {
    await open({}, slowStore(openSqliteStore(tempDataDir()), 8))
    const people = await Promise.all(['Anna', 'Bruno', 'Carla', 'Dario', 'Elena', 'Fabio'].map(join))
    const { body } = await asFacilitator('/surveys', {
      interventionIds: ids.slice(0, 2),
      question: { kind: 'rating' },
      anonymous: false,
    })
    const surveyId = (body as { id: string }).id
    const ballot = (token: string) =>
      api(`/surveys/${surveyId}/ballot`, {
        method: 'PUT',
        key: workshop.keys.participant,
        token,
        body: { scores: { [ids[0]!]: 4, [ids[1]!]: 2 } },
      })
    const answers = people.map(async (person, i) => {
      await sleep(i * 6)
      return (await ballot(person.token)).status
    })
    await sleep(15)
    expect((await asFacilitator(`/surveys/${surveyId}/close`)).status).toBe(200)
    const statuses = await Promise.all(answers)
    expect(statuses.every((status) => status === 200 || status === 409)).toBe(true)
    await expect.poll(() => readSurvey(control)?.status).toBe('closed')
    await sleep(100)
    const stored = statuses.filter((status) => status === 200).length
    expect(readSurvey(control)?.answered).toBe(stored)
    expect(readSurvey(control)?.results?.ballots).toBe(stored)
  })
})

describe('starting a round while one is open asks first', () => {
  beforeEach(() => open())

  it('409 and nothing changes; with replaceOpen the open one is closed', async () => {
    const start = (extra = {}) =>
      asFacilitator('/votes', {
        target: 'interventions',
        votesPerPerson: 3,
        maxPerItem: 2,
        anonymous: true,
        ...extra,
      })
    const first = (await start()).body as { id: string }
    const anna = await join('Anna')
    await api(`/votes/${first.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: { votes: { [ids[0]!]: 2 } },
    })
    const refused = await start()
    expect(refused.status).toBe(409)
    expect((refused.body as { error: string }).error).toMatch(/still open/)
    expect(readVote(control)?.id).toBe(first.id)
    const second = await start({ replaceOpen: true })
    expect(second.status).toBe(201)
    await expect.poll(() => readVote(control)?.id).toBe((second.body as { id: string }).id)
    expect((await asFacilitator('/scoring-rounds', {})).status).toBe(201)
    expect((await asFacilitator('/scoring-rounds', {})).status).toBe(409)
  })
})

describe('reopening a survey whose closing date has passed', () => {
  beforeEach(() => open())

  it('clears the date (or moves it), so the survey stays open', async () => {
    const closesAt = Date.now() + 400
    const { body } = await asFacilitator('/surveys', {
      interventionIds: ids.slice(0, 2),
      question: { kind: 'rating' },
      anonymous: false,
      closesAt,
    })
    const surveyId = (body as { id: string }).id
    await expect.poll(() => readSurvey(control)?.status, { timeout: 3000 }).toBe('closed')
    const reopened = await asFacilitator(`/surveys/${surveyId}/reopen`)
    expect(reopened.body).toEqual({ status: 'open', closesAt: null })
    await sleep(300)
    expect(readSurvey(control)?.status).toBe('open')
    expect(readSurvey(control)?.closesAt).toBeNull()
    const anna = await join('Anna')
    const answer = await api(`/surveys/${surveyId}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: { scores: { [ids[0]!]: 3, [ids[1]!]: 4 } },
    })
    expect(answer.status).toBe(200)
    await asFacilitator(`/surveys/${surveyId}/close`)
    const later = Date.now() + 60_000
    expect((await asFacilitator(`/surveys/${surveyId}/reopen`, { closesAt: later })).body).toEqual({
      status: 'open',
      closesAt: later,
    })
    expect(readSurvey(control)?.closesAt).toBe(later)
    expect((await asFacilitator(`/surveys/${surveyId}/reopen`, { closesAt: Date.now() - 1000 })).status).toBe(
      400,
    )
  })
})

describe('anonymous aggregates need a minimum of answers (default 3)', () => {
  beforeEach(() => open({ MIN_ANONYMOUS_ANSWERS: '3' }))

  it('an anonymous survey closed at two answers publishes no results and no comments; at three it does', async () => {
    const people = [await join('Anna'), await join('Bruno'), await join('Carla')]
    const { body } = await asFacilitator('/surveys', {
      interventionIds: ids.slice(0, 2),
      question: { kind: 'rating' },
      anonymous: true,
    })
    const surveyId = (body as { id: string }).id
    const answer = (token: string, a: number) =>
      api(`/surveys/${surveyId}/ballot`, {
        method: 'PUT',
        key: workshop.keys.participant,
        token,
        body: { scores: { [ids[0]!]: a, [ids[1]!]: 3 }, comments: { [ids[0]!]: `comment ${a}` } },
      })
    await answer(people[0]!.token, 5)
    await answer(people[1]!.token, 1)
    await asFacilitator(`/surveys/${surveyId}/close`)
    await expect.poll(() => readSurvey(control)?.status).toBe('closed')
    expect(readSurvey(control)).toMatchObject({ results: null, comments: [], minimumAnswers: 3, answered: 2 })
    await asFacilitator(`/surveys/${surveyId}/reopen`)
    await answer(people[2]!.token, 3)
    await asFacilitator(`/surveys/${surveyId}/close`)
    await expect.poll(() => readSurvey(control)?.results?.ballots).toBe(3)
    expect(readSurvey(control)?.comments).toHaveLength(3)
    expect(readSurvey(control)?.comments.every((c) => c.author === null)).toBe(true)
  })

  it('a scoring round revealed at one answer shows nothing and moves no card; rating rounds and anonymous dot votes too', async () => {
    const anna = await join('Anna')
    const { body } = await asFacilitator('/scoring-rounds', {})
    const roundId = (body as { id: string }).id
    await api(`/scoring-rounds/${roundId}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: { scores: Object.fromEntries(ids.map((id) => [id, { x: 5, y: 5 }])) },
    })
    const revealed = await asFacilitator(`/scoring-rounds/${roundId}/reveal`)
    expect(revealed.body).toEqual({ status: 'revealed', results: null, withheld: true })
    await expect.poll(() => readScoringRound(control)?.status).toBe('revealed')
    expect(readScoringRound(control)).toMatchObject({ results: null, minimumAnswers: 3 })

    const vote = (
      await asFacilitator('/votes', {
        target: 'interventions',
        votesPerPerson: 1,
        maxPerItem: 1,
        anonymous: true,
      })
    ).body as { id: string }
    await api(`/votes/${vote.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: { votes: { [ids[0]!]: 1 } },
    })
    await asFacilitator(`/votes/${vote.id}/reveal`)
    await expect.poll(() => readVote(control)?.status).toBe('revealed')
    expect(readVote(control)).toMatchObject({ results: null, minimumAnswers: 3 })
    // A named vote is not anonymous: its dots show at any count.
    const named = (
      await asFacilitator('/votes', {
        target: 'interventions',
        votesPerPerson: 1,
        maxPerItem: 1,
        anonymous: false,
      })
    ).body as { id: string }
    await api(`/votes/${named.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: { votes: { [ids[0]!]: 1 } },
    })
    await asFacilitator(`/votes/${named.id}/reveal`)
    await expect.poll(() => readVote(control)?.results?.length ?? 0).toBeGreaterThan(0)
    expect(readVote(control)?.minimumAnswers).toBe(0)
    expect(controlMap(control).get('vote')).toBeDefined()
  })
})
