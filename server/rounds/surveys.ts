import { randomInt, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { resultsWithheld, shuffled } from '../../shared/domain/anonymity.ts'
import {
  type Ballot,
  ballotProblems,
  type PublishedSurvey,
  type SurveyDefinition,
  type SurveyOptions,
  tallySurvey,
} from '../../shared/domain/survey.ts'
import { roomName } from '../../shared/rooms.ts'
import { publishSurvey } from '../../shared/schema/control.ts'
import { readInterventions } from '../../shared/schema/interventions.ts'
import { authenticate } from '../auth/keys.ts'
import { participantOf } from '../auth/participants.ts'
import {
  type HttpContext,
  HttpError,
  inTurn,
  keyOf,
  parseBody,
  readJsonBody,
  refuseBallot,
  sendJson,
} from '../http/common.ts'
import type { SurveyRecord } from '../persistence/store.ts'

type StoredSurvey = SurveyDefinition & SurveyOptions & { titles: Record<string, string> }

export const CreateSurveyBody = z.object({
  interventionIds: z.array(z.string().min(1)).min(1, 'choose at least one intervention').max(50),
  question: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rating') }),
    z.object({ kind: z.literal('points'), points: z.number().int().min(1).max(1000) }),
  ]),
  anonymous: z.boolean(),
  hideParticipation: z.boolean().default(false),
  allowComments: z.boolean().default(true),
  closesAt: z.number().int().positive().nullable().default(null),
})

export const ReopenBody = z.object({ closesAt: z.number().int().positive().nullable().optional() })

export const BallotBody = z.object({
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()).optional(),
})

/**
 * The quick survey. Ballots arrive over HTTP with the participant's personal token, are
 * checked here and kept in SQLite; only aggregates are published into the control document.
 */
export async function surveysRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  surveyId: string | undefined,
  action: string | undefined,
): Promise<void> {
  const method = req.method ?? 'GET'
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  const facilitatorOnly = () => {
    if (auth.role !== 'facilitator') throw new HttpError(403, 'only the facilitator manages the survey')
  }

  if (!surveyId) {
    if (method !== 'POST') throw new HttpError(405, 'use POST to create a survey')
    facilitatorOnly()
    const body = parseBody(CreateSurveyBody, await readJsonBody(req))
    const interventions = await ctx.rooms.read(roomName(workshopId, 'content'), 'content', readInterventions)
    const titles = Object.fromEntries(interventions.map((i) => [i.id, i.title]))
    const unknown = body.interventionIds.filter((id) => !(id in titles))
    if (unknown.length > 0) throw new HttpError(400, `unknown interventions: ${unknown.join(', ')}`)
    const question =
      body.question.kind === 'rating' ? ({ kind: 'rating', min: 1, max: 5 } as const) : body.question
    const stored: StoredSurvey = { ...body, question, titles }
    const record: SurveyRecord = {
      id: randomUUID(),
      workshopId,
      kind: 'survey',
      definition: JSON.stringify(stored),
      status: 'open',
      createdAt: Date.now(),
    }
    await inTurn(ctx, workshopId, async () => {
      await ctx.store.createSurvey(record)
      await publish(ctx, record)
    })
    scheduleAutoClose(ctx, record)
    return sendJson(res, 201, { id: record.id })
  }

  const record = await ctx.store.getSurvey(workshopId, surveyId)
  if (record?.kind !== 'survey') throw new HttpError(404, 'no such survey in this workshop')
  const survey = JSON.parse(record.definition) as StoredSurvey

  if (action === 'close' || action === 'reopen') {
    if (method !== 'POST') throw new HttpError(405, `use POST to ${action} the survey`)
    facilitatorOnly()
    if (action === 'close') {
      await inTurn(ctx, workshopId, () => setStatus(ctx, record, 'closed'))
      return sendJson(res, 200, { status: 'closed' })
    }
    // Reopening with a closing date that has passed would close it again at once: the date is
    // moved to the one sent, or cleared.
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0
    const { closesAt } = parseBody(ReopenBody, hasBody ? await readJsonBody(req) : {})
    const passed = survey.closesAt !== null && survey.closesAt <= Date.now()
    if (closesAt && closesAt <= Date.now())
      throw new HttpError(400, 'closesAt: the new closing date has passed')
    await inTurn(ctx, workshopId, async () => {
      let reopened = record
      if (closesAt !== undefined || passed) {
        const definition = JSON.stringify({ ...survey, closesAt: closesAt ?? null } satisfies StoredSurvey)
        await ctx.store.setSurveyDefinition(record.id, definition)
        reopened = { ...record, definition }
      }
      await setStatus(ctx, reopened, 'open')
    })
    return sendJson(res, 200, { status: 'open', closesAt: closesAt ?? (passed ? null : survey.closesAt) })
  }

  if (action === 'participation') {
    facilitatorOnly()
    if (survey.hideParticipation) throw new HttpError(403, 'participation is hidden for this survey')
    const answered = new Set((await ctx.store.listBallots(record.id)).map((b) => b.participantId))
    const people = await ctx.store.listParticipants(workshopId)
    return sendJson(res, 200, {
      answered: people.filter((p) => answered.has(p.id)).map((p) => p.name),
      pending: people.filter((p) => !answered.has(p.id)).map((p) => p.name),
    })
  }

  if (action === 'ballot') {
    if (auth.role !== 'participant') throw new HttpError(403, 'only participants answer the survey')
    const participant = await participantOf(ctx, req, workshopId)
    if (method === 'GET') {
      const mine = await ctx.store.getBallot(record.id, participant.id)
      return sendJson(res, 200, { ballot: mine ? JSON.parse(mine.ballot) : null })
    }
    if (method !== 'PUT') throw new HttpError(405, 'use PUT to answer')
    if (record.status === 'open' && survey.closesAt !== null && Date.now() >= survey.closesAt) {
      await closeWhenDue(ctx, record)
    }
    if (record.status !== 'open' || (survey.closesAt !== null && Date.now() >= survey.closesAt)) {
      throw new HttpError(409, 'the survey is closed')
    }
    const ballot: Ballot = parseBody(BallotBody, await readJsonBody(req))
    // The body may arrive after the survey closed: its state is read again now, and checked
    // and stored in turn, so nothing can close it in between.
    return inTurn(ctx, workshopId, async () => {
      const current = await ctx.store.getSurvey(workshopId, record.id)
      const closesAt = current ? (JSON.parse(current.definition) as StoredSurvey).closesAt : null
      if (current?.status !== 'open' || (closesAt !== null && Date.now() >= closesAt)) {
        throw new HttpError(409, 'the survey closed before the ballot arrived: it was not stored')
      }
      if (!survey.allowComments && Object.values(ballot.comments ?? {}).some((c) => c.trim())) {
        throw new HttpError(400, 'this survey takes no comments')
      }
      const problems = ballotProblems(survey, ballot)
      if (problems.length > 0) return refuseBallot(res, problems)
      await ctx.store.putBallot({
        surveyId: current.id,
        participantId: participant.id,
        ballot: JSON.stringify(ballot),
        updatedAt: Date.now(),
      })
      await publish(ctx, current)
      return sendJson(res, 200, { stored: true })
    })
  }
  throw new HttpError(404, 'no such API endpoint')
}

/** Runs in turn (see inTurn). */
async function setStatus(
  ctx: HttpContext,
  record: SurveyRecord,
  status: SurveyRecord['status'],
): Promise<void> {
  await ctx.store.setSurveyStatus(record.id, status)
  const updated = { ...record, status }
  await publish(ctx, updated)
  if (status === 'open') scheduleAutoClose(ctx, updated)
  else void ctx.webhooks.notify(record.workshopId, 'survey.closed', { surveyId: record.id })
}

/** Closes a survey whose closing date has passed, once, whoever notices first (a timer or a late ballot). */
function closeWhenDue(ctx: HttpContext, record: SurveyRecord): Promise<void> {
  return inTurn(ctx, record.workshopId, async () => {
    const current = await ctx.store.getSurvey(record.workshopId, record.id)
    if (current?.status !== 'open') return
    const { closesAt } = JSON.parse(current.definition) as StoredSurvey
    if (closesAt !== null && Date.now() >= closesAt) await setStatus(ctx, current, 'closed')
    else scheduleAutoClose(ctx, current)
  })
}

/** The longest a timer can wait; a later closing date is checked again when the timer fires. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Closes an open survey at its closing date and publishes the results, as the facilitator's
 * close button would. Timers are re-armed when the server starts (`armSurveyClocks`).
 */
export function scheduleAutoClose(ctx: HttpContext, record: SurveyRecord): void {
  const { closesAt } = JSON.parse(record.definition) as StoredSurvey
  if (record.status !== 'open' || closesAt === null) return
  clearTimeout(ctx.timers.get(record.id))
  const fire = () => {
    ctx.timers.delete(record.id)
    closeWhenDue(ctx, record).catch((error) =>
      ctx.log.error({ survey: record.id, error: String(error) }, 'survey not closed at its date'),
    )
  }
  const timer = setTimeout(fire, Math.min(MAX_TIMER_MS, Math.max(0, closesAt - Date.now())))
  timer.unref()
  ctx.timers.set(record.id, timer)
}

export async function armSurveyClocks(ctx: HttpContext): Promise<void> {
  for (const record of await ctx.store.listOpenSurveys('survey')) scheduleAutoClose(ctx, record)
}

/** A new participant changes every open survey's "answered of registered" count (runs in turn). */
export async function republishOpenSurveys(ctx: HttpContext, workshopId: string): Promise<void> {
  for (const record of await ctx.store.listSurveys(workshopId, 'survey'))
    if (record.status === 'open') await publish(ctx, record)
}

/**
 * Writes the survey's public state (counts; results and comments once closed) into the control
 * document. Runs in turn (see inTurn).
 */
async function publish(ctx: HttpContext, record: SurveyRecord): Promise<void> {
  const survey = JSON.parse(record.definition) as StoredSurvey
  const ballots = await ctx.store.listBallots(record.id)
  const people = new Map((await ctx.store.listParticipants(record.workshopId)).map((p) => [p.id, p.name]))
  const minimumAnswers = survey.anonymous ? ctx.config.minAnonymousAnswers : 0
  const closed = record.status === 'closed'
  const shown = closed && !resultsWithheld(ballots.length, minimumAnswers)
  const parsed = ballots.map((b) => ({
    participantId: b.participantId,
    ballot: JSON.parse(b.ballot) as Ballot,
  }))
  const comments = shown
    ? parsed.flatMap(({ participantId, ballot }) =>
        Object.entries(ballot.comments ?? {})
          .filter(([, text]) => text.trim())
          .map(([interventionId, text]) => ({
            interventionId,
            text: text.trim(),
            author: survey.anonymous ? null : (people.get(participantId) ?? null),
          })),
      )
    : []
  const published: PublishedSurvey = {
    id: record.id,
    status: record.status,
    question: survey.question,
    interventions: survey.interventionIds.map((id) => ({ id, title: survey.titles[id] ?? '' })),
    anonymous: survey.anonymous,
    hideParticipation: survey.hideParticipation,
    allowComments: survey.allowComments,
    closesAt: survey.closesAt,
    answered: ballots.length,
    registered: people.size,
    results: shown
      ? tallySurvey(
          survey,
          parsed.map((p) => p.ballot),
        )
      : null,
    // Anonymous comments in a uniformly random order, so their order tells nothing.
    comments: survey.anonymous ? shuffled(comments, randomInt) : comments,
    minimumAnswers,
  }
  await ctx.rooms.applyServerChange(roomName(record.workshopId, 'control'), 'control', (doc) =>
    publishSurvey(doc, published),
  )
}
