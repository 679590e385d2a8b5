import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { PublishedSurvey } from '../../../shared/domain/survey.ts'
import { readSurvey } from '../../../shared/schema/control.ts'
import { readInterventions } from '../../../shared/schema/interventions.ts'
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
let interventions: string[]
let control: { doc: Y.Doc; provider: WebsocketProvider }
const providers: WebsocketProvider[] = []
const dataDir = tempDataDir()

const { api, join } = workshopApi(
  () => server.base,
  () => workshop.id,
  () => workshop.keys.participant,
)

const survey = () => readSurvey(control.doc) as PublishedSurvey

beforeEach(async () => {
  server = await startTestServer({}, dataDir)
  workshop = await server.createWorkshop({ demo: true, language: 'it' })
  const content = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer)
  control = connectProvider(server.wsBase, `${workshop.id}/control`, workshop.keys.participant)
  providers.push(content.provider, control.provider)
  await Promise.all([whenSynced(content.provider), whenSynced(control.provider)])
  interventions = readInterventions(content.doc).map((i) => i.id)
})

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy()
  await server.close()
})

describe('the quick survey on the server', () => {
  it('keeps one ballot per participant, refuses bad ones with reasons, and publishes only aggregates', async () => {
    const giulia = await join('Giulia')
    const marco = await join('Marco')
    const created = await api('/surveys', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { interventionIds: interventions, question: { kind: 'rating' }, anonymous: true },
    })
    expect(created.status).toBe(201)
    const sid = created.body.id as string
    await expect.poll(() => survey()?.status).toBe('open')
    expect(survey().interventions.map((i) => i.id)).toEqual(interventions)

    const scores = Object.fromEntries(interventions.map((id, i) => [id, i + 3]))
    const put = (init: { key?: string; token?: string; body?: unknown }) =>
      api(`/surveys/${sid}/ballot`, { method: 'PUT', ...init })

    expect((await put({ key: workshop.keys.participant, body: { scores } })).body.error).toMatch(
      /participant token/,
    )
    expect((await put({ key: workshop.keys.viewer, token: giulia.token, body: { scores } })).status).toBe(403)
    expect(
      (await put({ key: workshop.keys.facilitator, token: giulia.token, body: { scores } })).status,
    ).toBe(403)
    expect((await put({ key: workshop.keys.participant, token: 'forged', body: { scores } })).status).toBe(
      403,
    )
    const outOfRange = await put({
      key: workshop.keys.participant,
      token: giulia.token,
      body: { scores: { ...scores, [interventions[0]!]: 9 } },
    })
    expect(outOfRange.status).toBe(400)
    expect(outOfRange.body.problems).toEqual([
      { problem: 'out-of-range', interventionId: interventions[0], min: 1, max: 5 },
    ])
    const unknown = await put({
      key: workshop.keys.participant,
      token: giulia.token,
      body: { scores: { ...scores, nope: 3 } },
    })
    expect(unknown.body.problems).toEqual([{ problem: 'unknown-intervention', interventionId: 'nope' }])
    const malformed = await put({
      key: workshop.keys.participant,
      token: giulia.token,
      body: { scores: 'many' },
    })
    expect(malformed.status).toBe(400)
    expect(
      (await api(`/surveys/${sid}/ballot`, { key: workshop.keys.participant, token: giulia.token })).body,
    ).toEqual({ ballot: null })
    expect(survey().answered).toBe(0)

    expect(
      (
        await put({
          key: workshop.keys.participant,
          token: giulia.token,
          body: { scores, comments: { [interventions[0]!]: 'Urgente' } },
        })
      ).status,
    ).toBe(200)
    await expect.poll(() => survey().answered).toBe(1)
    const changed = Object.fromEntries(interventions.map((id) => [id, 1]))
    await put({ key: workshop.keys.participant, token: giulia.token, body: { scores: changed } })
    await put({
      key: workshop.keys.participant,
      token: marco.token,
      body: { scores, comments: { [interventions[1]!]: 'Costoso' } },
    })
    await expect.poll(() => survey().answered).toBe(2)
    const participation = await api(`/surveys/${sid}/participation`, { key: workshop.keys.facilitator })
    expect(participation.body).toEqual({ answered: ['Giulia', 'Marco'], pending: [] })
    expect((await api(`/surveys/${sid}/participation`, { key: workshop.keys.participant })).status).toBe(403)

    expect(
      (await api(`/surveys/${sid}/close`, { method: 'POST', key: workshop.keys.participant })).status,
    ).toBe(403)
    expect(
      (await api(`/surveys/${sid}/close`, { method: 'POST', key: workshop.keys.facilitator })).status,
    ).toBe(200)
    await expect.poll(() => survey().status).toBe('closed')
    expect((await put({ key: workshop.keys.participant, token: marco.token, body: { scores } })).status).toBe(
      409,
    )

    const results = survey().results!
    expect(results.ballots).toBe(2)
    expect(results.results[0]).toMatchObject({
      interventionId: interventions[0],
      answers: 2,
      mean: 2,
      spread: 1,
    })
    // Giulia's new ballot replaced the old one, comment included.
    expect(
      survey()
        .comments.map((c) => [c.text, c.author])
        .sort(),
    ).toEqual([['Costoso', null]])

    // Anonymity: nothing in any document links a person to an answer.
    const everything = JSON.stringify([control.doc.toJSON(), ...providers.map((p) => p.doc.toJSON())])
    for (const secret of [giulia.id, marco.id, giulia.token, marco.token])
      expect(everything).not.toContain(secret)
    expect(everything).not.toMatch(/"participantId"/)
  })

  it('keeps ballots across a restart and names comment authors when the survey is not anonymous', async () => {
    const giulia = await join('Giulia')
    const { body } = await api('/surveys', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: {
        interventionIds: interventions.slice(0, 2),
        question: { kind: 'points', points: 10 },
        anonymous: false,
      },
    })
    const sid = body.id as string
    const wrongSum = await api(`/surveys/${sid}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: giulia.token,
      body: { scores: { [interventions[0]!]: 6, [interventions[1]!]: 3 } },
    })
    expect(wrongSum.body.problems).toEqual([{ problem: 'points-do-not-add-up', expected: 10, actual: 9 }])
    await api(`/surveys/${sid}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: giulia.token,
      body: {
        scores: { [interventions[0]!]: 7, [interventions[1]!]: 3 },
        comments: { [interventions[0]!]: 'Subito' },
      },
    })
    for (const provider of providers.splice(0)) provider.destroy()
    await server.close()

    server = await startTestServer({}, dataDir)
    control = connectProvider(server.wsBase, `${workshop.id}/control`, workshop.keys.viewer)
    providers.push(control.provider)
    await whenSynced(control.provider)
    await api(`/surveys/${sid}/close`, { method: 'POST', key: workshop.keys.facilitator })
    await expect.poll(() => survey()?.status).toBe('closed')
    expect(survey().results?.results.map((r) => r.mean)).toEqual([7, 3])
    expect(survey().comments).toEqual([
      { interventionId: interventions[0], text: 'Subito', author: 'Giulia' },
    ])
  })

  it('closes by itself at its closing date and publishes the results', async () => {
    const giulia = await join('Giulia')
    const { body } = await api('/surveys', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: {
        interventionIds: interventions,
        question: { kind: 'rating' },
        anonymous: true,
        closesAt: Date.now() + 800,
      },
    })
    const scores = Object.fromEntries(interventions.map((id) => [id, 4]))
    const early = await api(`/surveys/${body.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: giulia.token,
      body: { scores },
    })
    expect(early.status).toBe(200)
    await expect.poll(() => survey()?.status, { timeout: 5000 }).toBe('closed')
    expect(survey().results?.ballots).toBe(1)
    const late = await api(`/surveys/${body.id}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: giulia.token,
      body: { scores },
    })
    expect(late.status).toBe(409)
    expect(late.body.error).toBe('the survey is closed')
  })
})
