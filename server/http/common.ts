import type { IncomingMessage, ServerResponse } from 'node:http'
import type { z } from 'zod'
import type { Config } from '../config.ts'
import type { Fanout } from '../fanout/fanout.ts'
import type { History } from '../history/versions.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type { Store } from '../persistence/store.ts'
import type { Rooms } from '../sync/rooms.ts'
import type { Webhooks } from '../webhooks/webhooks.ts'
import { type AddressLimiter, clientAddress } from './address-limits.ts'

const MAX_BODY_BYTES = 64 * 1024

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(text)
}

/**
 * Runs a change to a workshop's rounds (a ballot checked and stored, a round opened or closed,
 * a registration that changes the counts, each with its publication) while no other runs for
 * that workshop, on any server sharing the store.
 */
export function inTurn<T>(ctx: HttpContext, workshopId: string, critical: () => Promise<T>): Promise<T> {
  return ctx.store.exclusive(`rounds:${workshopId}`, critical)
}

/** Spends one of the client address's allowance on `limiter`, or answers 429 with Retry-After. */
export function enforceLimit(
  ctx: HttpContext,
  req: IncomingMessage,
  limiter: AddressLimiter,
  what: string,
): void {
  const wait = limiter.take(clientAddress(req, ctx.config.trustProxy))
  if (wait !== null)
    throw new HttpError(429, `too many ${what} from this address: try again in ${wait} s`, {
      'retry-after': String(wait),
    })
}

/** A path segment as sent (percent-encoded); a malformed escape is the client's mistake, not ours. */
export function decodePathPart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    throw new HttpError(400, 'malformed percent-escape in the path')
  }
}

/**
 * JSON bodies must say so: a cross-site HTML form can only send text/plain, urlencoded or
 * multipart bodies without a preflight, so this refuses forged form posts too.
 */
function requireJsonContentType(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/json')
    throw new HttpError(415, 'send the body as JSON with Content-Type: application/json')
}

export async function readJsonBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  requireJsonContentType(req)
  const declared = Number(req.headers['content-length'])
  if (declared > maxBytes) throw new HttpError(413, `request body over ${maxBytes} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > maxBytes) throw new HttpError(413, `request body over ${maxBytes} bytes`)
    chunks.push(chunk as Buffer)
  }
  if (size === 0) throw new HttpError(400, 'request body must be JSON')
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'request body is not valid JSON')
  }
}

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
    throw new HttpError(400, why)
  }
  return parsed.data
}

/** A ballot that breaks the rules: 400 with the full list of what is wrong, so a form can show each. */
export function refuseBallot(res: ServerResponse, problems: readonly unknown[]): void {
  res.writeHead(400, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify({ error: 'the ballot was not stored', problems }))
}

/** The key of an API call: `Authorization: Bearer <key>` or `?key=`. */
export function keyOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim()
  return url.searchParams.get('key')
}

export type HttpContext = {
  config: Config
  store: Store
  log: Logger
  metrics: Metrics
  rooms: Rooms
  history: History
  /** The link to the other nodes, in a cluster. */
  fanout: Fanout | undefined
  /** Allowances per client address for what costs the server disk: creating, importing, joining. */
  limits: { create: AddressLimiter; import: AddressLimiter; join: AddressLimiter }
  /** Sends the workshop's events to the facilitator's webhooks. */
  webhooks: Webhooks
  /** Timers of this server (e.g. surveys closing at their date), cleared on shutdown. */
  timers: Map<string, NodeJS.Timeout>
}
