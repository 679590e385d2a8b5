import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { applyTimerAction, MAX_TIMER_MS, STOPPED, type TimerState } from '../../shared/domain/timer.ts'
import { roomName } from '../../shared/rooms.ts'
import { controlMap, readTimer } from '../../shared/schema/control.ts'
import { authenticate } from '../auth/keys.ts'
import { type HttpContext, HttpError, keyOf, parseBody, readJsonBody, sendJson } from './common.ts'

export const TimerBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), durationMs: z.number().int().min(1000).max(MAX_TIMER_MS) }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('add'), ms: z.number().int().min(1000).max(MAX_TIMER_MS) }),
  z.object({ action: z.literal('stop') }),
])

/**
 * The room timer: only the facilitator's key changes it, and the server stamps every time
 * with its own clock (`GET /api/time` lets each browser measure its offset from it).
 */
export async function timerRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
): Promise<void> {
  if ((req.method ?? 'GET') !== 'POST') throw new HttpError(405, 'use POST to change the timer')
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  if (auth.role !== 'facilitator') throw new HttpError(403, 'only the facilitator controls the timer')
  const action = parseBody(TimerBody, await readJsonBody(req))
  let next: TimerState = STOPPED
  await ctx.rooms.applyServerChange(roomName(workshopId, 'control'), 'control', (doc) => {
    next = applyTimerAction(readTimer(doc), action, Date.now())
    controlMap(doc).set('timer', next)
  })
  sendJson(res, 200, { timer: next, now: Date.now() })
}
