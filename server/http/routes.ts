import fs from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import sirv from 'sirv'
import { z } from 'zod'
import type { Language } from '../../shared/i18n-language.ts'
import { authenticate, hashKey, newKey, newWorkshopId, openSealedKeys, sealKeys } from '../auth/keys.ts'
import { participantsRoute } from '../auth/participants.ts'
import { actionUpdatesRoute } from '../follow-up/action-updates.ts'
import { versionsRoute } from '../history/versions-route.ts'
import { StorageUnavailableError } from '../persistence/store.ts'
import { programmesRoute } from '../programmes/programmes-route.ts'
import { dotVotesRoute, republishOpenVotes } from '../rounds/dot-votes.ts'
import { ratingRoundsRoute, republishOpenRatings } from '../rounds/rating-rounds.ts'
import { republishOpenScoringRounds, scoringRoundsRoute } from '../rounds/scoring-rounds.ts'
import { republishOpenSurveys, surveysRoute } from '../rounds/surveys.ts'
import { CloseCode } from '../sync/close-codes.ts'
import { webhooksRoute } from '../webhooks/webhooks-route.ts'
import { createInitialDocuments, importedDocuments, resolveWorkshopInput } from '../workshops/documents.ts'
import { exportsRoute } from '../workshops/exports.ts'
import { parseWorkshopExport } from '../workshops/import.ts'
import {
  decodePathPart,
  enforceLimit,
  type HttpContext,
  HttpError,
  keyOf,
  parseBody,
  readJsonBody,
  sendJson,
} from './common.ts'
import { setSecurityHeaders, setStaticCacheHeaders } from './security-headers.ts'
import { timerRoute } from './timer.ts'

/** A workshop export with everything filled in stays far below this. */
const MAX_IMPORT_BYTES = 5 * 1024 * 1024

export const RotateKeysBody = z.object({
  rotate: z
    .array(z.enum(['participant', 'viewer']))
    .min(1, 'name the keys to replace: participant, viewer')
    .transform((roles) => [...new Set(roles)]),
})

export const CreateWorkshopBody = z.object({
  title: z.string().trim().max(200).optional(),
  organisation: z.string().trim().max(200).optional(),
  language: z.enum(['it', 'en']).optional(),
  demo: z.boolean().optional(),
  kind: z.enum(['improvement', 'vision']).optional(),
})

export function createHttpHandler(ctx: HttpContext) {
  const { config, store, log, metrics } = ctx
  const serveStatic = fs.existsSync(config.staticDir)
    ? sirv(config.staticDir, {
        single: true,
        etag: true,
        gzip: true,
        setHeaders: (res, pathname) => setStaticCacheHeaders(res, pathname),
      })
    : undefined

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET'
    if (url.pathname === '/healthz' && method === 'GET') {
      // A database across the network is asked every time; the embedded file once it failed.
      const store = config.databaseUrl ? 'postgresql' : 'sqlite'
      const parts = { store, ...(ctx.fanout && { fanout: 'redis' }) }
      const problem =
        (await ctx.rooms.storageProblem(store === 'postgresql')) ??
        (ctx.fanout?.problem() && `cross-node messages: ${ctx.fanout.problem()}`)
      if (problem) return sendJson(res, 503, { ok: false, ...parts, error: problem }, { 'retry-after': '5' })
      return sendJson(res, 200, { ok: true, ...parts })
    }
    if (url.pathname === '/metrics' && method === 'GET') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType })
      res.end(await metrics.registry.metrics())
      return
    }
    if (url.pathname === '/api/workshops') {
      if (method !== 'POST') throw new HttpError(405, 'use POST to create a workshop')
      return createWorkshop(req, res)
    }
    const programmesMatch = /^\/api\/programmes((?:\/[^/]+){0,3})$/.exec(url.pathname)
    if (programmesMatch) {
      const rest = programmesMatch[1]!.split('/').filter(Boolean)
      return programmesRoute(ctx, req, res, url, rest, checkCreateToken)
    }
    if (url.pathname === '/api/workshops/import') {
      if (method !== 'POST') throw new HttpError(405, 'use POST to import a workshop')
      return importWorkshopRoute(req, res)
    }
    const exportMatch = /^\/api\/workshops\/([^/]+)\/exports\/([a-z.-]+)$/.exec(url.pathname)
    if (exportMatch) {
      return exportsRoute(ctx, req, res, url, decodePathPart(exportMatch[1]!), exportMatch[2]!)
    }
    const surveysMatch = /^\/api\/workshops\/([^/]+)\/surveys(?:\/([^/]+)(?:\/([a-z]+))?)?$/.exec(
      url.pathname,
    )
    if (surveysMatch) {
      const [, id, surveyId, action] = surveysMatch
      return surveysRoute(ctx, req, res, url, decodePathPart(id!), surveyId, action)
    }
    const roundsMatch = /^\/api\/workshops\/([^/]+)\/scoring-rounds(?:\/([^/]+)(?:\/([a-z]+))?)?$/.exec(
      url.pathname,
    )
    if (roundsMatch) {
      const [, id, roundId, action] = roundsMatch
      return scoringRoundsRoute(ctx, req, res, url, decodePathPart(id!), roundId, action)
    }
    const votesMatch = /^\/api\/workshops\/([^/]+)\/votes(?:\/([^/]+)(?:\/([a-z]+))?)?$/.exec(url.pathname)
    if (votesMatch) {
      const [, id, voteId, action] = votesMatch
      return dotVotesRoute(ctx, req, res, url, decodePathPart(id!), voteId, action)
    }
    const ratingsMatch = /^\/api\/workshops\/([^/]+)\/ratings(?:\/([^/]+)(?:\/([a-z]+))?)?$/.exec(
      url.pathname,
    )
    if (ratingsMatch) {
      const [, id, roundId, action] = ratingsMatch
      return ratingRoundsRoute(ctx, req, res, url, decodePathPart(id!), roundId, action)
    }
    const webhooksMatch = /^\/api\/workshops\/([^/]+)\/webhooks((?:\/[^/]+){0,2})$/.exec(url.pathname)
    if (webhooksMatch) {
      const rest = webhooksMatch[2]!.split('/').filter(Boolean)
      return webhooksRoute(ctx, req, res, url, decodePathPart(webhooksMatch[1]!), rest)
    }
    const updatesMatch = /^\/api\/workshops\/([^/]+)\/follow-up\/updates$/.exec(url.pathname)
    if (updatesMatch) return actionUpdatesRoute(ctx, req, res, url, decodePathPart(updatesMatch[1]!))
    const timerMatch = /^\/api\/workshops\/([^/]+)\/timer$/.exec(url.pathname)
    if (timerMatch) return timerRoute(ctx, req, res, url, decodePathPart(timerMatch[1]!))
    if (url.pathname === '/api/time' && method === 'GET') return sendJson(res, 200, { now: Date.now() })
    if (url.pathname === '/api/docs.css' && method === 'GET') {
      const { DOCS_CSS } = await import('./openapi/docs-page.ts')
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-cache' })
      return void res.end(DOCS_CSS)
    }
    if ((url.pathname === '/api/openapi.json' || url.pathname === '/api/docs') && method === 'GET') {
      // Loaded on the first request: the description imports every route's schemas.
      const { openApiDocument } = await import('./openapi/document.ts')
      const document = openApiDocument()
      if (url.pathname === '/api/openapi.json')
        return sendJson(res, 200, document, { 'cache-control': 'no-cache' })
      const { apiDocsPage } = await import('./openapi/docs-page.ts')
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' })
      return void res.end(apiDocsPage(document as Parameters<typeof apiDocsPage>[0]))
    }
    const participantsMatch = /^\/api\/workshops\/([^/]+)\/participants((?:\/[^/]+){0,2})$/.exec(url.pathname)
    if (participantsMatch) {
      return participantsRoute(
        ctx,
        req,
        res,
        url,
        decodePathPart(participantsMatch[1]!),
        participantsMatch[2] ?? '',
        async (workshopId) => {
          await republishOpenSurveys(ctx, workshopId)
          await republishOpenScoringRounds(ctx, workshopId)
          await republishOpenVotes(ctx, workshopId)
          await republishOpenRatings(ctx, workshopId)
        },
      )
    }
    const keysMatch = /^\/api\/workshops\/([^/]+)\/keys$/.exec(url.pathname)
    if (keysMatch) {
      if (method !== 'POST') throw new HttpError(405, 'use POST to replace keys')
      return rotateKeys(req, res, url, decodePathPart(keysMatch[1]!))
    }
    const versionsMatch = /^\/api\/workshops\/([^/]+)\/versions((?:\/[^/]+){0,3})$/.exec(url.pathname)
    if (versionsMatch) {
      return versionsRoute(
        ctx,
        req,
        res,
        url,
        decodePathPart(versionsMatch[1]!),
        versionsMatch[2] ?? '',
        (r, data, fields) => {
          enforceLimit(ctx, req, ctx.limits.create, 'new workshops')
          return storeWorkshop(r, data.meta, (id) => importedDocuments(id, data), fields, 'imported')
        },
      )
    }
    const workshopMatch = /^\/api\/workshops\/([^/]+)$/.exec(url.pathname)
    if (workshopMatch && method === 'DELETE')
      return deleteWorkshop(req, res, url, decodePathPart(workshopMatch[1]!))
    if (workshopMatch && method === 'GET') {
      const id = decodePathPart(workshopMatch[1]!)
      const key = keyOf(req, url)
      const auth = await authenticate(store, id, key)
      if (!auth.ok) throw new HttpError(auth.status, auth.reason)
      const w = (await store.getWorkshop(id))!
      // Only the facilitator gets the other keys back: they are the share links.
      const keys =
        auth.role === 'facilitator' && key
          ? { facilitator: key, ...openSealedKeys(key, w.sealedKeys) }
          : undefined
      return sendJson(res, 200, {
        id: w.id,
        title: w.title,
        organisation: w.organisation,
        language: w.language,
        role: auth.role,
        ...(keys && { keys }),
      })
    }
    if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'no such API endpoint')
    if (serveStatic && (method === 'GET' || method === 'HEAD')) {
      serveStatic(req, res, () => sendJson(res, 404, { error: 'not found' }))
      return
    }
    if (!serveStatic && url.pathname === '/') {
      throw new HttpError(503, 'the client is not built: run `npm run build` (npm start does it for you)')
    }
    throw new HttpError(404, 'not found')
  }

  /**
   * The facilitator replaces the participant and/or viewer key: the old links stop working at
   * once, and whoever is connected with them is closed with 4410 (asked to open the new link).
   * Registered participants keep their personal tokens, so their ballots stay theirs.
   */
  async function rotateKeys(req: IncomingMessage, res: ServerResponse, url: URL, id: string): Promise<void> {
    const key = keyOf(req, url)
    const auth = await authenticate(store, id, key)
    if (!auth.ok) throw new HttpError(auth.status, auth.reason)
    if (auth.role !== 'facilitator' || !key) throw new HttpError(403, 'only the facilitator replaces keys')
    const { rotate } = parseBody(RotateKeysBody, await readJsonBody(req))
    const workshop = (await store.getWorkshop(id))!
    const keys = { facilitator: key, ...openSealedKeys(key, workshop.sealedKeys) }
    for (const role of rotate) keys[role] = newKey()
    await store.replaceKeys(
      id,
      {
        facilitator: hashKey(keys.facilitator),
        participant: hashKey(keys.participant),
        viewer: hashKey(keys.viewer),
      },
      sealKeys(keys.facilitator, keys),
    )
    ctx.rooms.closePeers(id, rotate, CloseCode.keyRotated, 'this link has been replaced: open the new one')
    log.info({ workshop: id, rotated: rotate }, 'keys replaced')
    sendJson(res, 200, { keys })
  }

  /**
   * The facilitator deletes the workshop and everything kept for it (documents, registrations,
   * ballots, versions); whoever is connected is closed with 4404.
   */
  async function deleteWorkshop(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    id: string,
  ): Promise<void> {
    const auth = await authenticate(store, id, keyOf(req, url))
    if (!auth.ok) throw new HttpError(auth.status, auth.reason)
    if (auth.role !== 'facilitator') throw new HttpError(403, 'only the facilitator deletes the workshop')
    // A survey's closing timer finds no survey when it fires, and does nothing.
    ctx.history.forget(id)
    // Its rooms first, with what they had not stored yet: nothing is written after the rows go.
    await ctx.rooms.forget(id, CloseCode.notFound, 'this workshop has been deleted')
    await store.deleteWorkshop(id)
    log.info({ workshop: id }, 'workshop deleted')
    sendJson(res, 200, { deleted: id })
  }

  function checkCreateToken(req: IncomingMessage): void {
    if (!config.createToken) return
    const offered = req.headers.authorization?.replace(/^Bearer /, '') ?? req.headers['x-create-token']
    if (!offered) throw new HttpError(401, 'this server needs a creation token to create workshops')
    if (hashKey(String(offered)) !== hashKey(config.createToken))
      throw new HttpError(403, 'wrong creation token')
  }

  /**
   * Stores a new workshop with fresh keys and its first documents, and its first version when
   * `firstVersion` says why; then answers 201 with the keys.
   */
  async function storeWorkshop(
    res: ServerResponse,
    input: { title: string; organisation: string; language: Language },
    documents: (id: string) => Record<string, Uint8Array>,
    logFields: object,
    firstVersion?: 'imported',
  ): Promise<string> {
    const id = newWorkshopId()
    const keys = { facilitator: newKey(), participant: newKey(), viewer: newKey() }
    await store.createWorkshop(
      {
        id,
        title: input.title,
        organisation: input.organisation,
        language: input.language,
        createdAt: Date.now(),
        keyHashes: {
          facilitator: hashKey(keys.facilitator),
          participant: hashKey(keys.participant),
          viewer: hashKey(keys.viewer),
        },
        sealedKeys: sealKeys(keys.facilitator, keys),
      },
      documents(id),
    )
    log.info({ workshop: id, ...logFields }, 'workshop created')
    if (firstVersion) await ctx.history.saveQuietly(id, firstVersion)
    sendJson(res, 201, { id, title: input.title, keys })
    return id
  }

  async function createWorkshop(req: IncomingMessage, res: ServerResponse): Promise<void> {
    checkCreateToken(req)
    enforceLimit(ctx, req, ctx.limits.create, 'new workshops')
    const body = parseBody(CreateWorkshopBody, await readJsonBody(req))
    if (!body.title && !body.demo) throw new HttpError(400, 'title: a workshop needs a title')
    const language = body.language ?? 'it'
    const input = resolveWorkshopInput({ ...body, language, demo: body.demo ?? false })
    input.kind = body.kind ?? 'improvement'
    await storeWorkshop(res, input, (id) => createInitialDocuments(id, input), { demo: input.demo })
  }

  /** A new workshop from a JSON export (backup, or a template): validated whole before anything is stored. */
  async function importWorkshopRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
    checkCreateToken(req)
    enforceLimit(ctx, req, ctx.limits.import, 'imports')
    const data = parseWorkshopExport(await readJsonBody(req, MAX_IMPORT_BYTES))
    await storeWorkshop(res, data.meta, (id) => importedDocuments(id, data), { imported: true }, 'imported')
  }

  function refuse(res: ServerResponse, error: HttpError): void {
    metrics.httpRefusals.inc({ status: String(error.status) })
    if (res.headersSent) return void res.destroy()
    sendJson(res, error.status, { error: error.message }, error.headers)
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res)
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      return refuse(res, new HttpError(400, 'malformed request target'))
    }
    route(req, res, url).catch((error: unknown) => {
      if (error instanceof HttpError) return refuse(res, error)
      if (error instanceof StorageUnavailableError) {
        log.error({ error: error.message, path: url.pathname }, 'storage refused a write')
        return refuse(
          res,
          new HttpError(503, 'the server cannot store data right now: nothing was saved, try again', {
            'retry-after': '5',
          }),
        )
      }
      metrics.httpRefusals.inc({ status: '500' })
      log.error(
        { error: error instanceof Error ? error.stack : String(error), path: url.pathname },
        'request failed',
      )
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  }
}
