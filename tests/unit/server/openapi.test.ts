import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { OPERATIONS } from '../../../server/http/openapi/operations.ts'
import { ErrorBody } from '../../../server/http/openapi/responses.ts'
import { readInterventions } from '../../../shared/schema/interventions.ts'
import { readPipeline } from '../../../shared/schema/pipeline.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { connectProvider, whenSynced } from '../../support/clients.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import { type Keys, startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

type Seen = { id: string; status: number; body: unknown; contentType: string }
const seen: Seen[] = []

/** Calls one documented operation with its path parameters filled in, and records the answer. */
async function call(
  id: string,
  params: Record<string, string> = {},
  init: { key?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const operation = OPERATIONS.find((o) => o.id === id)!
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!))
  const response = await fetch(`${server.base}${path}`, {
    method: operation.method.toUpperCase(),
    headers: {
      'content-type': 'application/json',
      ...(init.key && { authorization: `Bearer ${init.key}` }),
      ...(init.token && { 'x-participant-token': init.token }),
      ...init.headers,
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  })
  const contentType = response.headers.get('content-type') ?? ''
  const text = await response.text()
  const body = contentType.startsWith('application/json') ? JSON.parse(text) : text
  seen.push({ id, status: response.status, body, contentType })
  return body as Record<string, unknown>
}

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3.1 document, served at /api/openapi.json and readable at /api/docs', async () => {
    const document = await call('openApi')
    const validator = new Validator()
    const result = await validator.validate(document as Parameters<Validator['validate']>[0])
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(document.openapi).toBe('3.1.0')
    const page = (await call('apiDocs')) as unknown as string
    for (const operation of OPERATIONS) expect(page).toContain(`id="${operation.id}"`)
    expect(page).toContain('<link rel="stylesheet" href="/api/docs.css">')
    expect(await call('apiDocsStyle')).toMatch(/^body\{/)
  })

  it("matches the server's real answers, route by route: every status declared, every body in its schema", async () => {
    // A workshop carried through the meetings, and a plain one.
    const { content, control } = fullWorkshop()
    const data = exportWorkshop(content, control)
    const full = (await call('importWorkshop', {}, { body: data })) as { id: string; keys: Keys }
    await call('importWorkshop', {}, { body: { format: 'tavolo-workshop' } })
    const w = { workshopId: full.id }
    const f = full.keys.facilitator
    const created = (await call('createWorkshop', {}, { body: { demo: true, language: 'en' } })) as {
      id: string
      keys: Keys
    }
    await call('createWorkshop', {}, { body: { title: 7 } })
    await call('getWorkshop', w, { key: f })
    await call('getWorkshop', w, { key: 'wrong' })
    await call('getWorkshop', { workshopId: 'nope' }, { key: f })
    await call('getWorkshop', w)
    await call(
      'rotateKeys',
      { workshopId: created.id },
      { key: created.keys.facilitator, body: { rotate: ['viewer'] } },
    )
    await call(
      'rotateKeys',
      { workshopId: created.id },
      { key: created.keys.facilitator, body: { rotate: [] } },
    )

    const joined = (await call('joinWorkshop', w, {
      key: full.keys.participant,
      body: { name: 'Giulia Bianchi' },
    })) as {
      id: string
      token: string
    }
    const other = (await call('joinWorkshop', w, {
      key: full.keys.participant,
      body: { name: 'Marco' },
    })) as { id: string }
    await call('joinWorkshop', w, { key: full.keys.participant, body: { name: '' } })
    const p = { key: full.keys.participant, token: joined.token }
    await call('whoAmI', w, p)
    await call('whoAmI', w, { key: full.keys.participant })
    await call('listParticipants', w, { key: f })
    await call('listParticipants', w, { key: full.keys.viewer })
    await call('mergeParticipant', { ...w, participantId: other.id }, { key: f, body: { into: joined.id } })

    const doc = connectProvider(server.wsBase, full.id, f)
    await whenSynced(doc.provider)
    const interventionIds = readInterventions(doc.doc).map((i) => i.id)
    const survey = await call('createSurvey', w, {
      key: f,
      body: { interventionIds, question: { kind: 'rating' }, anonymous: false },
    })
    await call('createSurvey', w, { key: f, body: { interventionIds: [] } })
    const s = { ...w, surveyId: String(survey.id) }
    await call('putSurveyBallot', s, {
      ...p,
      body: { scores: Object.fromEntries(interventionIds.map((i) => [i, 4])) },
    })
    await call('putSurveyBallot', s, { ...p, body: { scores: { nope: 9 } } })
    await call('getSurveyBallot', s, p)
    await call('surveyParticipation', s, { key: f })
    await call('closeSurvey', s, { key: f })
    await call('closeSurvey', s, { key: f })
    await call('reopenSurvey', s, { key: f, body: {} })

    const round = await call('createScoringRound', w, { key: f, body: {} })
    const r = { ...w, roundId: String(round.id) }
    // The refusal names what is missing: the second ballot scores exactly that.
    const missing = (answer: Record<string, unknown>, field: string) => [
      ...new Set((answer.problems as Record<string, string>[]).map((problem) => problem[field]!)),
    ]
    const partial = await call('putScoringBallot', r, { ...p, body: { scores: {} } })
    await call('putScoringBallot', r, {
      ...p,
      body: {
        scores: Object.fromEntries(missing(partial, 'interventionId').map((i) => [i, { x: 4, y: 3 }])),
      },
    })
    await call('getScoringBallot', r, p)
    await call('scoringParticipation', r, { key: f })
    await call('revealScoringRound', r, { key: f })
    await call('revealScoringRound', r, { key: f })

    const vote = await call('createVote', w, {
      key: f,
      body: { target: 'interventions', votesPerPerson: 3, maxPerItem: 2, anonymous: false },
    })
    const v = { ...w, voteId: String(vote.id) }
    await call('putVoteBallot', v, { ...p, body: { votes: { [interventionIds[0]!]: 2 } } })
    await call('putVoteBallot', v, { ...p, body: { votes: { [interventionIds[0]!]: 9 } } })
    await call('getVoteBallot', v, p)
    await call('voteParticipation', v, { key: f })
    await call('revealVote', v, { key: f })

    const vision = (await call(
      'createWorkshop',
      {},
      { body: { title: 'Vision', language: 'en', kind: 'vision' } },
    )) as {
      id: string
      keys: Keys
    }
    const rating = await call(
      'createRating',
      { workshopId: vision.id },
      { key: vision.keys.facilitator, body: { purpose: 'culture' } },
    )
    const visitor = (await call(
      'joinWorkshop',
      { workshopId: vision.id },
      { key: vision.keys.participant, body: { name: 'Anna' } },
    )) as {
      token: string
    }
    const g = { workshopId: vision.id, ratingId: String(rating.id) }
    const unrated = await call('putRatingBallot', g, {
      key: vision.keys.participant,
      token: visitor.token,
      body: { scores: {} },
    })
    await call('putRatingBallot', g, {
      key: vision.keys.participant,
      token: visitor.token,
      body: { scores: Object.fromEntries(missing(unrated, 'itemId').map((i) => [i, { score: 4 }])) },
    })
    await call('getRatingBallot', g, { key: vision.keys.participant, token: visitor.token })
    await call('ratingParticipation', g, { key: vision.keys.facilitator })
    await call('closeRating', g, { key: vision.keys.facilitator })

    await call('setTimer', w, { key: f, body: { action: 'start', durationMs: 60_000 } })
    await call('setTimer', w, { key: f, body: { action: 'start', durationMs: 5 } })
    await call('serverTime')
    await call('downloadExport', { ...w, file: 'workshop.xlsx' }, { key: full.keys.viewer })
    await call('downloadExport', { ...w, file: 'nope.txt' }, { key: full.keys.viewer })

    const saved = await call('saveVersion', w, { key: f, body: { label: 'Before the review' } })
    await call('listVersions', w, { key: f })
    const versionId = String((saved.version as { id: string }).id)
    await call('getVersion', { ...w, versionId }, { key: f })
    await call('restoreVersion', { ...w, versionId }, { key: f })
    await call('copyVersion', { ...w, versionId }, { key: f })
    await call('getVersion', { ...w, versionId: 'nope' }, { key: f })

    const entryId = readPipeline(content).find((e) => e.owner === 'Giulia Bianchi')!.id
    await call('addActionUpdate', w, {
      ...p,
      body: { entryId, status: 'done', percent: 100, date: '2026-11-30' },
    })
    await call('addActionUpdate', w, {
      ...p,
      body: { entryId, status: 'done', percent: 101, date: '2026-11-30' },
    })

    const hook = await call('registerWebhook', w, {
      key: f,
      body: { url: 'http://127.0.0.1:9/hook', events: ['survey.closed'] },
    })
    await call('registerWebhook', w, { key: f, body: { url: 'http://example.org/hook' } })
    await call('listWebhooks', w, { key: f })
    await call('testWebhook', { ...w, webhookId: String(hook.id) }, { key: f })
    await call('webhookDeliveries', w, { key: f })
    await call('removeWebhook', { ...w, webhookId: String(hook.id) }, { key: f })

    const programme = (await call('createProgramme', {}, { body: { title: 'Programme' } })) as {
      id: string
      keys: { facilitator: string; viewer: string }
    }
    await call('createProgramme', {}, { body: { title: '' } })
    const pr = { programmeId: programme.id }
    await call('addProgrammeGroup', pr, {
      key: programme.keys.facilitator,
      body: { workshopId: full.id, workshopKey: f },
    })
    await call('addProgrammeGroup', pr, {
      key: programme.keys.facilitator,
      body: { workshopId: full.id, workshopKey: full.keys.viewer },
    })
    await call('getProgramme', pr, { key: programme.keys.facilitator })
    await call('programmeDashboard', pr, { key: programme.keys.viewer })
    const etag = (
      await fetch(`${server.base}/api/programmes/${programme.id}/dashboard`, {
        headers: { authorization: `Bearer ${programme.keys.viewer}` },
      })
    ).headers.get('etag')!
    await call('programmeDashboard', pr, { key: programme.keys.viewer, headers: { 'if-none-match': etag } })
    await call('programmeWorkbook', pr, { key: programme.keys.viewer })
    await call('removeProgrammeGroup', { ...pr, workshopId: full.id }, { key: programme.keys.facilitator })

    await call('removeParticipant', { ...w, participantId: joined.id }, { key: f })
    await call('health')
    await call('metrics')
    doc.provider.destroy()
    await call('deleteWorkshop', { workshopId: created.id }, { key: created.keys.facilitator })

    const document = (await call('openApi')) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
    }
    const problems: string[] = []
    for (const answer of seen) {
      const operation = OPERATIONS.find((o) => o.id === answer.id)!
      const declared = document.paths[operation.path]![operation.method]!.responses
      if (!(String(answer.status) in declared)) {
        problems.push(
          `${answer.id}: ${answer.status} is not declared (${JSON.stringify(answer.body).slice(0, 120)})`,
        )
        continue
      }
      const schema = operation.responses[answer.status] ?? ErrorBody
      if (schema instanceof z.ZodType) {
        const parsed = schema.safeParse(answer.body)
        if (!parsed.success)
          problems.push(
            `${answer.id} ${answer.status}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
          )
      } else if (
        schema.contentType &&
        schema.contentType !== '*/*' &&
        !answer.contentType.startsWith(schema.contentType)
      )
        problems.push(`${answer.id} ${answer.status}: ${answer.contentType}, not ${schema.contentType}`)
    }
    expect(problems).toEqual([])
    // Every documented operation was answered with one of its success statuses at least once.
    const successes = new Set(seen.filter((a) => a.status < 300).map((a) => a.id))
    expect(OPERATIONS.map((o) => o.id).filter((id) => !successes.has(id))).toEqual([])
  })
})
