import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import {
  decodePathPart,
  enforceLimit,
  type HttpContext,
  HttpError,
  inTurn,
  keyOf,
  parseBody,
  readJsonBody,
  sendJson,
} from '../http/common.ts'
import { authenticate, hashKey, newKey } from './keys.ts'

/** The header that carries a participant's personal token (ballots and votes carry it too). */
export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token'

export const RegisterBody = z.object({
  name: z.string().trim().min(1, 'a name is required').max(100),
  unitId: z.string().max(100).nullable().optional(),
  /** A random id the browser keeps: the facilitator is shown registrations from one browser. */
  browserId: z.string().min(8).max(100).optional(),
})

export const MergeBody = z.object({ into: z.string().min(1).max(100) })

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
  onRegistered: (workshopId: string) => Promise<void>,
): Promise<void> {
  const method = req.method ?? 'GET'
  if (rest === '/me' && method === 'GET') {
    const participant = await participantOf(ctx, req, workshopId)
    return sendJson(res, 200, { id: participant.id, name: participant.name, unitId: participant.unitId })
  }
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  if (rest !== '') return manageRegistration(ctx, req, res, workshopId, rest, auth.role, onRegistered)
  if (method === 'POST') {
    if (auth.role !== 'participant')
      throw new HttpError(403, 'only the participant key registers participants')
    enforceLimit(ctx, req, ctx.limits.join, 'registrations')
    const body = parseBody(RegisterBody, await readJsonBody(req))
    return inTurn(ctx, workshopId, () => register(ctx, res, workshopId, body, onRegistered))
  }
  if (method === 'GET') {
    if (auth.role !== 'facilitator')
      throw new HttpError(403, 'only the facilitator sees the list of participants')
    const all = await ctx.store.listParticipants(workshopId)
    const people = all.map(({ id, name, unitId, createdAt, browserHash }) => ({
      id,
      name,
      unitId,
      joinedAt: createdAt,
      // Other registrations made from this same browser: likely one person twice.
      sameBrowserAs: browserHash
        ? all.filter((other) => other.id !== id && other.browserHash === browserHash).map((other) => other.id)
        : [],
    }))
    return sendJson(res, 200, { participants: people })
  }
  throw new HttpError(405, 'use POST to register, GET to list')
}

/** Adds a registration, counted in the open rounds at once (runs in turn: see inTurn). */
async function register(
  ctx: HttpContext,
  res: ServerResponse,
  workshopId: string,
  body: z.infer<typeof RegisterBody>,
  onRegistered: (workshopId: string) => Promise<void>,
): Promise<void> {
  const registered = (await ctx.store.listParticipants(workshopId)).length
  if (registered >= ctx.config.maxParticipants)
    throw new HttpError(
      409,
      `this workshop has its ${ctx.config.maxParticipants} registrations: the facilitator can remove or merge some`,
    )
  const token = newKey()
  const participant = {
    id: randomUUID(),
    workshopId,
    name: body.name,
    unitId: body.unitId ?? null,
    tokenHash: hashKey(token),
    createdAt: Date.now(),
    browserHash: body.browserId ? hashKey(`${workshopId}:${body.browserId}`) : null,
  }
  await ctx.store.addParticipant(participant)
  ctx.log.info({ workshop: workshopId, participant: participant.id }, 'participant registered')
  await onRegistered(workshopId)
  return sendJson(res, 201, { id: participant.id, token })
}

/**
 * The facilitator tidies the registrations: `DELETE .../participants/<pid>` removes one (its
 * token stops working, its ballots go), `POST .../participants/<pid>/merge { into }` folds a
 * duplicate into another (one ballot per round is kept, the later; both tokens now speak for
 * the one kept). Open rounds are republished, so their counts follow.
 */
async function manageRegistration(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  workshopId: string,
  rest: string,
  role: string,
  onChanged: (workshopId: string) => Promise<void>,
): Promise<void> {
  const [, participantId, action] = rest.split('/').map((part) => (part ? decodePathPart(part) : part))
  if (role !== 'facilitator') throw new HttpError(403, 'only the facilitator manages registrations')
  const people = await ctx.store.listParticipants(workshopId)
  if (!people.some((p) => p.id === participantId))
    throw new HttpError(404, 'no such participant in this workshop')
  const method = req.method ?? 'GET'
  if (action === undefined && method === 'DELETE') {
    await inTurn(ctx, workshopId, async () => {
      await ctx.store.removeParticipant(workshopId, participantId!)
      await onChanged(workshopId)
    })
    ctx.log.info({ workshop: workshopId, participant: participantId }, 'participant removed')
    return sendJson(res, 200, { removed: participantId })
  }
  if (action === 'merge' && method === 'POST') {
    const { into } = parseBody(MergeBody, await readJsonBody(req))
    if (into === participantId)
      throw new HttpError(400, 'into: a participant cannot be merged into themselves')
    if (!people.some((p) => p.id === into))
      throw new HttpError(404, 'into: no such participant in this workshop')
    await inTurn(ctx, workshopId, async () => {
      await ctx.store.mergeParticipant(workshopId, participantId!, into)
      await onChanged(workshopId)
    })
    ctx.log.info({ workshop: workshopId, participant: participantId, into }, 'participants merged')
    return sendJson(res, 200, { merged: participantId, into })
  }
  if (action === undefined || action === 'merge')
    throw new HttpError(405, 'use DELETE to remove a participant, POST .../merge to merge one')
  throw new HttpError(404, 'no such API endpoint')
}

/** The registered participant a request speaks for, from its personal token. */
export async function participantOf(ctx: HttpContext, req: IncomingMessage, workshopId: string) {
  if (!(await ctx.store.getWorkshop(workshopId))) throw new HttpError(404, 'unknown workshop')
  const token = req.headers[PARTICIPANT_TOKEN_HEADER]
  if (typeof token !== 'string' || !token)
    throw new HttpError(401, 'missing participant token: join the workshop first')
  const participant = await ctx.store.findParticipant(workshopId, hashKey(token))
  if (!participant) throw new HttpError(403, 'unknown participant token for this workshop: join again')
  return participant
}
