import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import {
  enforceLimit,
  type HttpContext,
  HttpError,
  keyOf,
  parseBody,
  readJsonBody,
  sendJson,
} from '../http/common.ts'
import { authenticate, hashKey, newKey } from './keys.ts'

/** The header that carries a participant's personal token (ballots and votes carry it too). */
export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token'

const RegisterBody = z.object({
  name: z.string().trim().min(1, 'a name is required').max(100),
  unitId: z.string().max(100).nullable().optional(),
})

/**
 * People who join with the participant key. Registering returns a personal token: "one ballot
 * per participant" and "who has not answered yet" are then facts the server knows.
 */
export async function participantsRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  rest: string,
  onRegistered: (workshopId: string) => void,
): Promise<void> {
  const method = req.method ?? 'GET'
  if (rest === '/me' && method === 'GET') {
    const participant = participantOf(ctx, req, workshopId)
    return sendJson(res, 200, { id: participant.id, name: participant.name, unitId: participant.unitId })
  }
  if (rest !== '') throw new HttpError(404, 'no such API endpoint')
  const auth = authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  if (method === 'POST') {
    if (auth.role !== 'participant')
      throw new HttpError(403, 'only the participant key registers participants')
    enforceLimit(ctx, req, ctx.limits.join, 'registrations')
    const body = parseBody(RegisterBody, await readJsonBody(req))
    const token = newKey()
    const participant = {
      id: randomUUID(),
      workshopId,
      name: body.name,
      unitId: body.unitId ?? null,
      tokenHash: hashKey(token),
      createdAt: Date.now(),
    }
    ctx.store.addParticipant(participant)
    ctx.log.info({ workshop: workshopId, participant: participant.id }, 'participant registered')
    onRegistered(workshopId)
    return sendJson(res, 201, { id: participant.id, token })
  }
  if (method === 'GET') {
    if (auth.role !== 'facilitator')
      throw new HttpError(403, 'only the facilitator sees the list of participants')
    const people = ctx.store.listParticipants(workshopId).map(({ id, name, unitId, createdAt }) => ({
      id,
      name,
      unitId,
      joinedAt: createdAt,
    }))
    return sendJson(res, 200, { participants: people })
  }
  throw new HttpError(405, 'use POST to register, GET to list')
}

/** The registered participant a request speaks for, from its personal token. */
export function participantOf(ctx: HttpContext, req: IncomingMessage, workshopId: string) {
  if (!ctx.store.getWorkshop(workshopId)) throw new HttpError(404, 'unknown workshop')
  const token = req.headers[PARTICIPANT_TOKEN_HEADER]
  if (typeof token !== 'string' || !token)
    throw new HttpError(401, 'missing participant token: join the workshop first')
  const participant = ctx.store.findParticipant(workshopId, hashKey(token))
  if (!participant) throw new HttpError(403, 'unknown participant token for this workshop: join again')
  return participant
}
