import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
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
import type { RoundKind, SurveyRecord } from '../persistence/store.ts'

/**
 * What the private-ballot rounds (scoring round, dot vote) share: who may call, finding the
 * round, who has answered, and a participant reading or replacing their own ballot.
 */
export async function roundAccess(
  ctx: HttpContext,
  req: IncomingMessage,
  url: URL,
  workshopId: string,
  refusal: string,
) {
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  return {
    role: auth.role,
    facilitatorOnly: () => {
      if (auth.role !== 'facilitator') throw new HttpError(403, refusal)
    },
  }
}

export async function findRound(
  ctx: HttpContext,
  workshopId: string,
  roundId: string,
  kind: RoundKind,
  noun: string,
): Promise<SurveyRecord> {
  const record = await ctx.store.getSurvey(workshopId, roundId)
  if (record?.kind !== kind) throw new HttpError(404, `no such ${noun} in this workshop`)
  return record
}

/**
 * One round of a kind is open at a time. Starting another while one is open would silently
 * set its ballots aside: the facilitator is asked first (409), and only `replaceOpen` closes
 * the open one (its ballots are kept, its results are not published).
 */
export async function closeOpenRounds(
  ctx: HttpContext,
  workshopId: string,
  kind: RoundKind,
  replaceOpen: boolean | undefined,
  noun: string,
  same: (open: SurveyRecord) => boolean = () => true,
): Promise<void> {
  const open = (await ctx.store.listSurveys(workshopId, kind)).filter((r) => r.status === 'open' && same(r))
  if (open.length > 0 && !replaceOpen)
    throw new HttpError(409, `a ${noun} is still open: reveal or close it first, or send "replaceOpen": true`)
  for (const record of open) await ctx.store.setSurveyStatus(record.id, 'closed')
}

export async function participation(ctx: HttpContext, record: SurveyRecord) {
  const answered = new Set((await ctx.store.listBallots(record.id)).map((b) => b.participantId))
  const people = await ctx.store.listParticipants(record.workshopId)
  return {
    answered: people.filter((p) => answered.has(p.id)).map((p) => p.name),
    pending: people.filter((p) => !answered.has(p.id)).map((p) => p.name),
  }
}

/** GET: my ballot. PUT: replace it while the round is open, after `problems` finds nothing. */
export async function ownBallot<B>(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  record: SurveyRecord,
  schema: z.ZodType<B>,
  problems: (ballot: B) => unknown[],
  onStored: (current: SurveyRecord) => Promise<void>,
): Promise<void> {
  const participant = await participantOf(ctx, req, record.workshopId)
  const method = req.method ?? 'GET'
  if (method === 'GET') {
    const mine = await ctx.store.getBallot(record.id, participant.id)
    return sendJson(res, 200, { ballot: mine ? JSON.parse(mine.ballot) : null })
  }
  if (method !== 'PUT') throw new HttpError(405, 'use PUT to answer')
  if (record.status !== 'open') throw new HttpError(409, 'this round is closed')
  const ballot = parseBody(schema, await readJsonBody(req))
  // The body may arrive after the round closed: the status is read again now, and checked and
  // stored in turn, so nothing can close the round in between.
  return inTurn(ctx, record.workshopId, async () => {
    const current = await ctx.store.getSurvey(record.workshopId, record.id)
    if (current?.status !== 'open')
      throw new HttpError(409, 'this round closed before the ballot arrived: it was not stored')
    const found = problems(ballot)
    if (found.length > 0) return refuseBallot(res, found)
    await ctx.store.putBallot({
      surveyId: current.id,
      participantId: participant.id,
      ballot: JSON.stringify(ballot),
      updatedAt: Date.now(),
    })
    await onStored(current)
    sendJson(res, 200, { stored: true })
  })
}
