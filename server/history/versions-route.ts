import type { IncomingMessage, ServerResponse } from 'node:http'
import * as Y from 'yjs'
import { z } from 'zod'
import { countChanges } from '../../shared/history/counts.ts'
import type { Language } from '../../shared/i18n-language.ts'
import { exportWorkshop, type WorkshopExport } from '../../shared/schema/workshop-export.ts'
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
import type { VersionSummary } from '../persistence/store.ts'
import { parseWorkshopExport } from '../workshops/import.ts'

export const SaveBody = z.object({
  label: z.string().trim().max(120).optional(),
  /** A participant may save one only before importing data (e.g. meeting 1's scores CSV). */
  reason: z.enum(['manual', 'before-import']).optional(),
})

const COPY_SUFFIX: Record<Language, string> = { it: ' (copia)', en: ' (copy)' }

/** Creates a workshop from validated export data; answers 201 with its keys (see routes.ts). */
export type CreateWorkshop = (res: ServerResponse, data: WorkshopExport, logFields: object) => Promise<string>

/**
 * `/api/workshops/<id>/versions[/<version>[/restore|/copy]]`: the facilitator's history of the
 * workshop. Listing, opening, restoring and copying need the facilitator key.
 */
export async function versionsRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  rest: string,
  createWorkshop: CreateWorkshop,
): Promise<void> {
  const method = req.method ?? 'GET'
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  const [versionPart, action, ...extra] = rest.split('/').filter(Boolean)
  if (extra.length > 0) throw new HttpError(404, 'no such API endpoint')
  if (!versionPart) {
    if (method === 'POST') {
      const body = parseBody(SaveBody, await readJsonBody(req))
      const reason = body.reason ?? 'manual'
      if (auth.role === 'viewer' || (auth.role === 'participant' && reason !== 'before-import'))
        throw new HttpError(403, 'only the facilitator saves versions')
      const saved = await ctx.history.save(workshopId, reason, body.label ?? '')
      ctx.log.info({ workshop: workshopId, version: saved.id, reason }, 'version saved')
      return sendJson(res, 201, { version: saved })
    }
    if (method !== 'GET') throw new HttpError(405, 'use GET to list versions or POST to save one')
    onlyFacilitator(auth.role)
    return sendJson(res, 200, {
      versions: withChanges(await ctx.store.listVersions(workshopId)),
      policy: {
        intervalMinutes: ctx.config.versionIntervalMs / 60_000,
        retentionDays: ctx.config.versionRetentionDays,
      },
    })
  }
  onlyFacilitator(auth.role)
  const versionId = decodePathPart(versionPart)
  if (!action) {
    if (method !== 'GET') throw new HttpError(405, 'use GET to open a version')
    const version = await ctx.store.getVersion(workshopId, versionId)
    if (!version) throw new HttpError(404, 'no such version')
    const { content, control, ...summary } = version
    return sendJson(res, 200, {
      version: summary,
      content: Buffer.from(content).toString('base64'),
      control: Buffer.from(control).toString('base64'),
    })
  }
  if (method !== 'POST') throw new HttpError(405, `use POST to ${action} a version`)
  if (action === 'restore') {
    const result = await ctx.history.restore(workshopId, versionId)
    if (!result) throw new HttpError(404, 'no such version')
    ctx.log.info({ workshop: workshopId, version: versionId, before: result.before.id }, 'version restored')
    void ctx.webhooks.notify(workshopId, 'version.restored', { versionId, before: result.before.id })
    return sendJson(res, 200, result)
  }
  if (action === 'copy') {
    const version = await ctx.store.getVersion(workshopId, versionId)
    if (!version) throw new HttpError(404, 'no such version')
    const data = exportedVersion(version.content, version.control)
    data.meta.title = `${data.meta.title.slice(0, 190)}${COPY_SUFFIX[data.meta.language]}`
    await createWorkshop(res, data, { copiedFrom: workshopId, version: versionId })
    return
  }
  throw new HttpError(404, 'no such API endpoint')
}

function onlyFacilitator(role: string): void {
  if (role !== 'facilitator') throw new HttpError(403, "only the facilitator sees the workshop's history")
}

/** Newest first, each with what changed since the version before it. */
function withChanges(versions: readonly VersionSummary[]) {
  return versions
    .map((version, i) => ({
      ...version,
      changes: countChanges(versions[i - 1]?.counts ?? {}, version.counts),
    }))
    .reverse()
}

/** A version's documents as a workshop export, validated as an import would be. */
function exportedVersion(contentUpdate: Uint8Array, controlUpdate: Uint8Array): WorkshopExport {
  const content = new Y.Doc()
  const control = new Y.Doc()
  try {
    Y.applyUpdate(content, contentUpdate)
    Y.applyUpdate(control, controlUpdate)
    return parseWorkshopExport(JSON.parse(JSON.stringify(exportWorkshop(content, control))))
  } finally {
    content.destroy()
    control.destroy()
  }
}
