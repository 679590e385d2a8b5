/**
 * The action pipeline as an iCalendar file (RFC 5545) for Outlook, Google Calendar and the
 * like: one all-day event per dated action, from its start to its due date, with its owner,
 * unit, wave, status and KPIs in the description. Each event's UID is built from the workshop
 * and the pipeline entry, so importing the file again (or refreshing a subscription) updates
 * the events instead of adding copies. Pure: the moment of the export is given.
 */
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { exportLabels } from './labels.ts'

export type CalendarOptions = {
  workshopId: string
  /** Only this owner's actions ("my actions"), compared without case and outer spaces. */
  owner?: string | undefined
  now: Date
}

/** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
function text(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** Lines longer than 75 octets are folded (RFC 5545 3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    const limit = out.length === 0 ? 75 : 74
    if (octets + size > limit) {
      out.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  out.push(current)
  return out.join('\r\n ')
}

const compactDate = (iso: string) => iso.replace(/-/g, '')
/** The day after: an all-day event's end is exclusive. */
const dayAfter = (iso: string) => {
  const next = new Date(`${iso}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}
const stamp = (date: Date) => `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
const sameOwner = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

export function pipelineCalendar(data: WorkshopExport, options: CalendarOptions): string {
  const l = exportLabels(data.meta.language)
  const v = l.values as Record<string, string>
  const h = l.headers
  const title = data.meta.title || 'Tavolo'
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tavolo//Action pipeline//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.owner ? `${title}: ${options.owner.trim()}` : title)}`,
  ]
  for (const entry of data.pipeline) {
    if (options.owner !== undefined && !sameOwner(entry.owner, options.owner)) continue
    const first = entry.start ?? entry.due
    const last = entry.due ?? entry.start
    if (!first || !last) continue
    const [from, to] = first <= last ? [first, last] : [last, first]
    const action = data.actions.find((a) => a.id === entry.actionId)
    const wave = data.waves.find((w) => w.id === entry.waveId)?.name ?? ''
    const unit = data.units.find((u) => u.id === entry.unitId)?.name ?? ''
    const kpis = data.kpis.filter((k) => k.actionIds.includes(entry.actionId)).map((k) => k.name)
    const description = [
      `${h.owner}: ${entry.owner || '-'}${unit ? ` (${unit})` : ''}`,
      `${h.status}: ${v[entry.status] ?? entry.status}`,
      `${h.wave}: ${wave || '-'}`,
      ...(kpis.length > 0 ? [`${h.kpis}: ${kpis.join('; ')}`] : []),
      ...(action?.description?.trim() ? ['', action.description.trim()] : []),
    ].join('\n')
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.id}.${options.workshopId}@tavolo`,
      `DTSTAMP:${stamp(options.now)}`,
      `DTSTART;VALUE=DATE:${compactDate(from)}`,
      `DTEND;VALUE=DATE:${compactDate(dayAfter(to))}`,
      `SUMMARY:${text(action?.title || title)}`,
      `DESCRIPTION:${text(description)}`,
      `CATEGORIES:${text(wave || title)}`,
      `STATUS:${entry.status === 'dropped' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(fold).join('\r\n')}\r\n`
}
