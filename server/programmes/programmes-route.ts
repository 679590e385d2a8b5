import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { type ProgrammeDashboard, programmeDashboard } from '../../shared/exports/programme.ts'
import { programmeTables } from '../../shared/exports/programme-tables.ts'
import { roomName } from '../../shared/rooms.ts'
import { readControl } from '../../shared/schema/control.ts'
import { readMeta } from '../../shared/schema/meta.ts'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'
import { authenticate, hashKey, newKey, newWorkshopId } from '../auth/keys.ts'
import {
  decodePathPart,
  enforceLimit,
  type HttpContext,
  HttpError,
  keyOf,
  parseBody,
  readJsonBody,
  sendJson,
} from '../http/common.ts'
import type { ProgrammeRecord } from '../persistence/store.ts'
import { sendFile } from '../workshops/exports.ts'
import { tablesXlsx } from '../workshops/xlsx.ts'
import { openSealedViewerKey, sealViewerKey } from './programme-keys.ts'

/** A programme holds the groups of one organisation: far fewer than this. */
export const MAX_GROUPS = 50

export const CreateBody = z.object({
  title: z.string().trim().min(1, 'a programme needs a title').max(200),
  organisation: z.string().trim().max(200).default(''),
  language: z.enum(['it', 'en']).default('it'),
})
export const AddBody = z.object({
  workshopId: z.string().min(1).max(100),
  /** The group's facilitator key: only its facilitator puts a workshop in a programme. */
  workshopKey: z.string().min(1).max(200),
})

type ProgrammeRole = 'facilitator' | 'viewer'

async function authenticateProgramme(
  ctx: HttpContext,
  id: string,
  key: string | null,
): Promise<{ programme: ProgrammeRecord; role: ProgrammeRole }> {
  const programme = await ctx.store.getProgramme(id)
  if (!programme) throw new HttpError(404, 'unknown programme')
  if (!key) throw new HttpError(401, 'missing key')
  const offered = Buffer.from(hashKey(key), 'hex')
  for (const role of ['facilitator', 'viewer'] as const) {
    if (timingSafeEqual(offered, Buffer.from(programme.keyHashes[role], 'hex'))) return { programme, role }
  }
  throw new HttpError(403, 'wrong key for this programme')
}

/**
 * The programmes API: `POST /api/programmes` creates one (answering its keys),
 * `GET /api/programmes/:id` describes it, `POST` and `DELETE /api/programmes/:id/workshops`
 * add and remove a group, `GET /api/programmes/:id/dashboard` is the managers' view (an ETag
 * lets a page poll it cheaply) and `.../exports/programme.xlsx` the consolidated workbook.
 */
export async function programmesRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rest: string[],
  checkCreateToken: (req: IncomingMessage) => void,
): Promise<void> {
  const method = req.method ?? 'GET'
  if (rest.length === 0) {
    if (method !== 'POST') throw new HttpError(405, 'use POST to create a programme')
    checkCreateToken(req)
    enforceLimit(ctx, req, ctx.limits.create, 'new programmes')
    const body = parseBody(CreateBody, await readJsonBody(req))
    const id = newWorkshopId()
    const keys = { facilitator: newKey(), viewer: newKey() }
    await ctx.store.createProgramme({
      id,
      ...body,
      createdAt: Date.now(),
      keyHashes: { facilitator: hashKey(keys.facilitator), viewer: hashKey(keys.viewer) },
      sealedViewerKey: sealViewerKey(keys.facilitator, keys.viewer),
    })
    ctx.log.info({ programme: id }, 'programme created')
    return sendJson(res, 201, { id, title: body.title, keys })
  }
  const id = decodePathPart(rest[0]!)
  const key = keyOf(req, url)
  const { programme, role } = await authenticateProgramme(ctx, id, key)
  const [, part, groupId] = rest
  if (part === undefined) {
    if (method !== 'GET') throw new HttpError(405, 'use GET to read a programme')
    // Only the titles, as the groups call themselves now (not the whole of each group).
    const groups = await Promise.all(
      (await ctx.store.listProgrammeWorkshops(id)).map((workshopId) =>
        ctx.rooms.read(roomName(workshopId, 'content'), 'content', (doc) => ({
          workshopId,
          title: readMeta(doc).title,
        })),
      ),
    )
    return sendJson(res, 200, {
      id,
      title: programme.title,
      organisation: programme.organisation,
      language: programme.language,
      role,
      groups,
      ...(role === 'facilitator' &&
        key && { keys: { facilitator: key, viewer: openSealedViewerKey(key, programme.sealedViewerKey) } }),
    })
  }
  if (part === 'workshops') {
    if (role !== 'facilitator')
      throw new HttpError(403, 'only the programme facilitator adds or removes groups')
    if (method === 'POST' && groupId === undefined) {
      const body = parseBody(AddBody, await readJsonBody(req))
      const auth = await authenticate(ctx.store, body.workshopId, body.workshopKey)
      if (!auth.ok) throw new HttpError(auth.status === 404 ? 404 : 403, `workshop: ${auth.reason}`)
      if (auth.role !== 'facilitator')
        throw new HttpError(403, "workshopKey: the group's facilitator key is needed to add it")
      const present = await ctx.store.listProgrammeWorkshops(id)
      if (!present.includes(body.workshopId) && present.length >= MAX_GROUPS)
        throw new HttpError(409, `a programme holds at most ${MAX_GROUPS} groups`)
      await ctx.store.addProgrammeWorkshop(id, body.workshopId, Date.now())
      return sendJson(res, 201, { workshops: await ctx.store.listProgrammeWorkshops(id) })
    }
    if (method === 'DELETE' && groupId !== undefined) {
      await ctx.store.removeProgrammeWorkshop(id, decodePathPart(groupId))
      return sendJson(res, 200, { workshops: await ctx.store.listProgrammeWorkshops(id) })
    }
    throw new HttpError(405, 'use POST /workshops to add a group, DELETE /workshops/<id> to remove one')
  }
  if (part === 'dashboard' && groupId === undefined) {
    if (method !== 'GET') throw new HttpError(405, 'use GET to read the dashboard')
    const dashboard = await dashboardOf(ctx, id, programme)
    const body = JSON.stringify({
      programme: {
        id,
        title: programme.title,
        organisation: programme.organisation,
        language: programme.language,
      },
      ...dashboard,
    })
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' })
      return void res.end()
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      etag,
      'cache-control': 'no-cache',
    })
    return void res.end(body)
  }
  if (part === 'exports' && groupId === 'programme.xlsx') {
    if (method !== 'GET') throw new HttpError(405, 'use GET to download an export')
    const dashboard = await dashboardOf(ctx, id, programme)
    const xlsx = await tablesXlsx(programmeTables(dashboard, programme.language), programme.title)
    return sendFile(
      res,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      xlsx,
      programme.title,
      'programme.xlsx',
    )
  }
  throw new HttpError(404, 'no such API endpoint')
}

/** Each group as it is now (a group whose workshop was deleted is no longer listed). */
async function groupsOf(ctx: HttpContext, programmeId: string) {
  const ids = await ctx.store.listProgrammeWorkshops(programmeId)
  return Promise.all(
    ids.map((workshopId) =>
      ctx.rooms.readWorkshop(workshopId, (content, control) => ({
        workshopId,
        step: readControl(control).step,
        data: exportWorkshop(content, control),
      })),
    ),
  )
}

async function dashboardOf(
  ctx: HttpContext,
  id: string,
  programme: ProgrammeRecord,
): Promise<ProgrammeDashboard> {
  const groups = await groupsOf(ctx, id)
  return programmeDashboard(groups, new Date().toISOString().slice(0, 10), programme.language)
}
