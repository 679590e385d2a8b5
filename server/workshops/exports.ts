import type { IncomingMessage, ServerResponse } from 'node:http'
import { pipelineCalendar } from '../../shared/exports/calendar.ts'
import { toCsv } from '../../shared/exports/csv.ts'
import { reportMarkdown } from '../../shared/exports/report-markdown.ts'
import { exportTables } from '../../shared/exports/tables.ts'
import { exportVision, type VisionExport, visionMarkdown, visionTables } from '../../shared/exports/vision.ts'
import { exportWorkshop, type WorkshopExport } from '../../shared/schema/workshop-export.ts'
import { authenticate } from '../auth/keys.ts'
import { type HttpContext, HttpError, keyOf } from '../http/common.ts'
import { reportPdf } from './report-pdf.ts'
import { tablesXlsx, workshopXlsx } from './xlsx.ts'

/** What a download asks for besides the workshop: its id, and for the calendar one owner's actions. */
type ExportRequest = { workshopId: string; owner: string | undefined }
type ExportFile = {
  type: string
  build: (data: WorkshopExport, request: ExportRequest) => Promise<string | Buffer> | string
}

export const EXPORT_FILES: Record<string, ExportFile> = {
  'workshop.json': {
    type: 'application/json; charset=utf-8',
    build: (d) => `${JSON.stringify(d, null, 2)}\n`,
  },
  'workshop.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    build: workshopXlsx,
  },
  'pipeline.csv': { type: 'text/csv; charset=utf-8', build: (d) => toCsv(exportTables(d).pipeline) },
  'kpis.csv': { type: 'text/csv; charset=utf-8', build: (d) => toCsv(exportTables(d).kpis) },
  'action-updates.csv': { type: 'text/csv; charset=utf-8', build: (d) => toCsv(exportTables(d).updates) },
  'kpi-readings.csv': { type: 'text/csv; charset=utf-8', build: (d) => toCsv(exportTables(d).readings) },
  'report.md': { type: 'text/markdown; charset=utf-8', build: reportMarkdown },
  'report.pdf': { type: 'application/pdf', build: reportPdf },
  'pipeline.ics': {
    type: 'text/calendar; charset=utf-8',
    build: (d, { workshopId, owner }) => pipelineCalendar(d, { workshopId, owner, now: new Date() }),
  },
}

/** The CX vision workshop's files, built from the vision boards. */
const VISION_FILES: Record<
  string,
  { type: string; build: (data: VisionExport) => Promise<string | Buffer> | string }
> = {
  'vision.md': { type: 'text/markdown; charset=utf-8', build: visionMarkdown },
  'vision.json': { type: 'application/json; charset=utf-8', build: (d) => `${JSON.stringify(d, null, 2)}\n` },
  'vision-scores.xlsx': {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    build: (d) => tablesXlsx(visionTables(d), d.title),
  },
}

/**
 * `GET /api/workshops/<id>/exports/<file>` with any of the workshop's keys (a manager's viewer
 * key is enough): what exists now, at any point of the workshop.
 */
export async function exportsRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  file: string,
): Promise<void> {
  if ((req.method ?? 'GET') !== 'GET') throw new HttpError(405, 'use GET to download an export')
  const auth = await authenticate(ctx.store, workshopId, keyOf(req, url))
  if (!auth.ok) throw new HttpError(auth.status, auth.reason)
  const vision = VISION_FILES[file]
  if (vision) {
    const data = await ctx.rooms.readWorkshop(workshopId, exportVision)
    return sendFile(res, vision.type, await vision.build(data), data.title, file)
  }
  const format = EXPORT_FILES[file]
  if (!format) {
    const all = [...Object.keys(EXPORT_FILES), ...Object.keys(VISION_FILES)]
    throw new HttpError(404, `no such export: choose one of ${all.join(', ')}`)
  }
  const owner = url.searchParams.get('owner') ?? undefined
  if (owner !== undefined && (owner.trim() === '' || owner.length > 200))
    throw new HttpError(400, 'owner: a name of 1 to 200 characters')
  const data = await ctx.rooms.readWorkshop(workshopId, exportWorkshop)
  sendFile(res, format.type, await format.build(data, { workshopId, owner }), data.meta.title, file)
}

export function sendFile(
  res: ServerResponse,
  type: string,
  body: string | Buffer,
  title: string,
  file: string,
): void {
  const stem = `${title || 'tavolo'}`.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)
  const ascii = stem.normalize('NFD').replace(/[^\x20-\x7e]/g, '') || 'tavolo'
  res.writeHead(200, {
    'content-type': type,
    'content-disposition': `attachment; filename="${ascii}-${file}"; filename*=UTF-8''${encodeURIComponent(`${stem}-${file}`)}`,
    'cache-control': 'no-store',
  })
  res.end(body)
}
