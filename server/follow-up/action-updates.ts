import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { mayUpdateAction, progressOf } from '../../shared/domain/follow-up/progress.ts'
import { isIsoDate, type PipelineStatus, STATUSES } from '../../shared/domain/pipeline.ts'
import { roomName } from '../../shared/rooms.ts'
import { readLocks } from '../../shared/schema/control.ts'
import {
  appendActionUpdate,
  MAX_NOTE,
  readActionUpdates,
  readFollowUpSettings,
  type StoredActionUpdate,
} from '../../shared/schema/follow-up.ts'
import { readPipeline } from '../../shared/schema/pipeline.ts'
import { authenticate } from '../auth/keys.ts'
import { participantOf } from '../auth/participants.ts'
import { type HttpContext, HttpError, keyOf, parseBody, readJsonBody, sendJson } from '../http/common.ts'

const DAY_MS = 86_400_000

export const UpdateBody = z.object({
  entryId: z.string().min(1).max(100),
  status: z.enum(STATUSES),
  percent: z.number().int('a whole percent').min(0).max(100),
  note: z.string().max(MAX_NOTE).default(''),
  date: z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD'),
})

/**
 * `POST /api/workshops/:id/follow-up/updates`: an action's owner says where it stands. The
 * server checks who may (the facilitator, the owner by registered name, anyone when the
 * facilitator allows it) and stamps who and when; the update joins the action's history in
 * the workshop document, where everyone sees it live.
 */
export async function actionUpdatesRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
): Promise<void> {
  if ((req.method ?? 'GET') !== 'POST') throw new HttpError(405, 'use POST to add an update')
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  if (auth.role === 'viewer')
    throw new HttpError(403, 'the viewer key reads the follow-up; it does not update it')
  const person = auth.role === 'participant' ? await participantOf(ctx, req, workshopId) : null
  const body = parseBody(UpdateBody, await readJsonBody(req))
  const today = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10)
  if (body.date > today) throw new HttpError(400, 'date: an update cannot be about a day still to come')

  const locked = await ctx.rooms.read(roomName(workshopId, 'control'), 'control', (doc) =>
    readLocks(doc).includes('followup'),
  )
  if (locked && auth.role !== 'facilitator')
    throw new HttpError(423, 'the follow-up is locked by the facilitator')

  let stored: StoredActionUpdate | null = null
  let previous: PipelineStatus | null = null
  await ctx.rooms.applyServerChange(roomName(workshopId, 'content'), 'content', (doc) => {
    const entry = readPipeline(doc).find((e) => e.id === body.entryId)
    if (!entry) throw new HttpError(404, 'no such action in the pipeline')
    const { anyoneUpdates } = readFollowUpSettings(doc)
    const allowed = mayUpdateAction({
      role: auth.role,
      anyoneUpdates,
      owner: entry.owner,
      name: person?.name ?? null,
    })
    if (!allowed) throw new HttpError(403, 'only the owner of this action (or the facilitator) updates it')
    previous = progressOf(entry, readActionUpdates(doc)).status
    const update = { ...body, note: body.note.trim(), at: Date.now(), by: person?.name ?? null }
    stored = { id: appendActionUpdate(doc, update), index: '', ...update }
  })
  const { index: _, ...answer } = stored!
  if (previous !== answer.status)
    void ctx.webhooks.notify(workshopId, 'pipeline.status-changed', {
      entryId: answer.entryId,
      status: answer.status,
      previous,
      source: 'follow-up',
      by: answer.by,
    })
  sendJson(res, 201, answer)
}
