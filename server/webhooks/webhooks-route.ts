import { randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { authenticate } from '../auth/keys.ts'
import {
  decodePathPart,
  type HttpContext,
  HttpError,
  keyOf,
  parseBody,
  readJsonBody,
  sendJson,
} from '../http/common.ts'
import { WEBHOOK_EVENTS } from './webhooks.ts'

/** A workshop talks to a handful of systems, not to a crowd. */
export const MAX_WEBHOOKS = 10
const LOG_SIZE = 100

export const RegisterBody = z.object({
  url: z.string().trim().min(1, 'a web address is required').max(2000),
  events: z
    .array(z.enum(WEBHOOK_EVENTS))
    .min(1, 'choose at least one event')
    .default([...WEBHOOK_EVENTS])
    .transform((events) => [...new Set(events)]),
})

/**
 * The facilitator's webhooks: `GET`/`POST /api/workshops/<id>/webhooks` lists and registers
 * (the answer carries the signing secret, once), `DELETE .../webhooks/<hid>` removes one,
 * `POST .../webhooks/<hid>/test` sends a `ping`, `GET .../webhooks/deliveries` is the log.
 */
export async function webhooksRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  rest: string[],
): Promise<void> {
  const method = req.method ?? 'GET'
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  if (auth.role !== 'facilitator') throw new HttpError(403, 'only the facilitator manages webhooks')
  const [first, action] = rest.map(decodePathPart)
  if (first === undefined) {
    if (method === 'GET') {
      const hooks = await ctx.store.listWebhooks(workshopId)
      return sendJson(res, 200, {
        webhooks: hooks.map(({ secret: _, workshopId: __, ...hook }) => hook),
        events: WEBHOOK_EVENTS,
      })
    }
    if (method !== 'POST') throw new HttpError(405, 'use GET to list webhooks, POST to register one')
    const body = parseBody(RegisterBody, await readJsonBody(req))
    const problem = await ctx.webhooks.problemWith(body.url)
    if (problem) throw new HttpError(400, problem)
    if ((await ctx.store.listWebhooks(workshopId)).length >= MAX_WEBHOOKS)
      throw new HttpError(409, `a workshop has at most ${MAX_WEBHOOKS} webhooks: remove one first`)
    const hook = {
      id: randomUUID(),
      workshopId,
      url: body.url,
      secret: randomBytes(24).toString('base64url'),
      events: body.events,
      createdAt: Date.now(),
    }
    await ctx.store.addWebhook(hook)
    const { workshopId: _, ...answer } = hook
    return sendJson(res, 201, answer)
  }
  if (first === 'deliveries' && action === undefined) {
    if (method !== 'GET') throw new HttpError(405, 'use GET to read the delivery log')
    const deliveries = await ctx.store.listDeliveries(workshopId, LOG_SIZE)
    return sendJson(res, 200, {
      deliveries: deliveries.map(({ body: _, workshopId: __, ...d }) => d),
    })
  }
  const hook = (await ctx.store.listWebhooks(workshopId)).find((h) => h.id === first)
  if (!hook) throw new HttpError(404, 'no such webhook')
  if (action === undefined && method === 'DELETE') {
    await ctx.store.removeWebhook(workshopId, hook.id)
    return sendJson(res, 200, { removed: hook.id })
  }
  if (action === 'test' && method === 'POST') {
    await ctx.webhooks.notify(workshopId, 'ping', { message: 'Tavolo webhook test' }, hook)
    return sendJson(res, 202, { queued: true })
  }
  throw new HttpError(405, 'use DELETE on a webhook, or POST .../test')
}
