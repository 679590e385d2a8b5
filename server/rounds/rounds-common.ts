import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import { authenticate } from '../auth/keys.ts'
import { participantOf } from '../auth/participants.ts'
import {
  type HttpContext,
  HttpError,
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
export function roundAccess(
  ctx: HttpContext,
  req: IncomingMessage,
  url: URL,
  workshopId: string,
  refusal: string,
) {
  const auth = authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  return {
    role: auth.role,
    facilitatorOnly: () => {
      if (auth.role !== 'facilitator') throw new HttpError(403, refusal)
    },
  }
}

export function findRound(
  ctx: HttpContext,
  workshopId: string,
  roundId: string,
  kind: RoundKind,
  noun: string,
) {
  const record = ctx.store.getSurvey(workshopId, roundId)
  if (record?.kind !== kind) throw new HttpError(404, `no such ${noun} in this workshop`)
  return record
}

/** Closes any round of this kind still open (one at a time), without publishing its results. */
export function closeOpenRounds(ctx: HttpContext, workshopId: string, kind: RoundKind): void {
  for (const open of ctx.store.listSurveys(workshopId, kind)) {
    if (open.status === 'open') ctx.store.setSurveyStatus(open.id, 'closed')
  }
}

export function participation(ctx: HttpContext, record: SurveyRecord) {
  const answered = new Set(ctx.store.listBallots(record.id).map((b) => b.participantId))
  const people = ctx.store.listParticipants(record.workshopId)
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
  onStored: () => void,
): Promise<void> {
  const participant = participantOf(ctx, req, record.workshopId)
  const method = req.method ?? 'GET'
  if (method === 'GET') {
    const mine = ctx.store.getBallot(record.id, participant.id)
    return sendJson(res, 200, { ballot: mine ? JSON.parse(mine.ballot) : null })
  }
  if (method !== 'PUT') throw new HttpError(405, 'use PUT to answer')
  if (record.status !== 'open') throw new HttpError(409, 'this round is closed')
  const ballot = parseBody(schema, await readJsonBody(req))
  const found = problems(ballot)
  if (found.length > 0) return refuseBallot(res, found)
  ctx.store.putBallot({
    surveyId: record.id,
    participantId: participant.id,
    ballot: JSON.stringify(ballot),
    updatedAt: Date.now(),
  })
  onStored()
  sendJson(res, 200, { stored: true })
}
