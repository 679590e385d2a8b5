/**
 * KPI readings pasted or uploaded as CSV, as a measuring team exports them: date and value,
 * then optionally source and note; a header row is recognised and skipped. Dates as
 * YYYY-MM-DD or dd/mm/yyyy, values as typed in the workshop's language. Every bad line is
 * reported with its number and what is wrong, as meeting 1's scores are. Pure.
 */
import type { Language } from '../../i18n-language.ts'
import { parseNumber } from '../kpis.ts'
import { isIsoDate } from '../pipeline.ts'

export type ReadingLine = { date: string; value: string; source: string; note: string }
export type ReadingLineError = {
  line: number
  text: string
  problem: 'missing-date' | 'bad-date' | 'missing-value' | 'not-a-number'
}
export type ParsedReadings = { readings: ReadingLine[]; errors: ReadingLineError[]; header: boolean }

const HEADER_WORDS = /^(date|data|giorno|day|value|valore|misura|source|fonte|note|nota)$/i

function cells(line: string): string[] {
  const separator = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ','
  const out: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!
    if (char === '"') {
      if (quoted && line[i + 1] === '"') {
        current += '"'
        i++
      } else quoted = !quoted
    } else if (char === separator && !quoted) {
      out.push(current.trim())
      current = ''
    } else current += char
  }
  out.push(current.trim())
  return out
}

/** A date as people write it: 2026-03-31, 31/03/2026, 31.3.2026; null when it is not one. */
export function readDate(text: string): string | null {
  const t = text.trim()
  if (isIsoDate(t)) return t
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  if (!match) return null
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}

/**
 * @example parseReadings('data;valore\n31/03/2026;42,5') // one reading: 2026-03-31, "42,5"
 */
export function parseReadings(text: string, language: Language = 'it'): ParsedReadings {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const readings: ReadingLine[] = []
  const errors: ReadingLineError[] = []
  let header = false
  let seenContent = false
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!
    if (raw.trim() === '') continue
    const [date = '', value = '', source = '', note = ''] = cells(raw)
    if (!seenContent) {
      seenContent = true
      if (HEADER_WORDS.test(date) && readDate(date) === null) {
        header = true
        continue
      }
    }
    const line = i + 1
    const iso = readDate(date)
    if (!date) errors.push({ line, text: raw, problem: 'missing-date' })
    else if (iso === null) errors.push({ line, text: raw, problem: 'bad-date' })
    else if (!value) errors.push({ line, text: raw, problem: 'missing-value' })
    else if (parseNumber(value, language) === null) errors.push({ line, text: raw, problem: 'not-a-number' })
    else readings.push({ date: iso, value, source, note })
  }
  return { readings, errors, header }
}
