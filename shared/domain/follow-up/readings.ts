/**
 * After meeting 4 the KPIs are measured in the field: dated readings against the baseline and
 * the target. Whether a KPI is on track follows from its direction. Pure: no Yjs.
 */
import type { Language } from '../../i18n-language.ts'
import { type Direction, type Frequency, parseNumber } from '../kpis.ts'
import { isIsoDate } from '../pipeline.ts'

/** One measurement, the value as it was typed (read in the workshop's language). */
export type KpiReading = {
  id: string
  kpiId: string
  date: string
  value: string
  source: string
  note: string
}

export type KpiForTrack = { baseline: string; target: string; direction: Direction; frequency: Frequency }

export type TrackState =
  /** The latest reading has reached the target (or passed it, in the KPI's direction). */
  | 'reached'
  /** Better than the baseline, and not worse than the reading before. */
  | 'on-track'
  /** Not better than the baseline yet (level with it). */
  | 'off-track'
  /** The latest reading is worse than the one before it, or than the baseline. */
  | 'wrong-way'
  | 'no-readings'
  /** Baseline or target is not a number: readings are shown, the state cannot be said. */
  | 'not-measurable'

export type KpiTrack = {
  /** Readings with a readable value and a real date, oldest first. */
  points: { date: string; value: number; reading: KpiReading }[]
  /** Readings whose value or date cannot be read: shown to be fixed, never plotted. */
  unreadable: KpiReading[]
  baseline: number | null
  target: number | null
  latest: number | null
  /** Share of the way from baseline to target covered by the latest reading (0 = baseline, 1 = target). */
  progress: number | null
  state: TrackState
}

/** How better is said for a KPI: a larger number when higher is better. */
const better = (direction: Direction, a: number, b: number) => (direction === 'higher' ? a > b : a < b)

export function kpiTrack(
  kpi: KpiForTrack,
  readings: readonly KpiReading[],
  language: Language = 'it',
): KpiTrack {
  const points: KpiTrack['points'] = []
  const unreadable: KpiReading[] = []
  for (const reading of readings) {
    const value = parseNumber(reading.value, language)
    if (value === null || !isIsoDate(reading.date)) unreadable.push(reading)
    else points.push({ date: reading.date, value, reading })
  }
  points.sort((a, b) => a.date.localeCompare(b.date) || a.reading.id.localeCompare(b.reading.id))
  const baseline = parseNumber(kpi.baseline, language)
  const target = parseNumber(kpi.target, language)
  const latest = points.at(-1)?.value ?? null
  const previous = points.at(-2)?.value ?? null
  const progress =
    latest !== null && baseline !== null && target !== null && target !== baseline
      ? (latest - baseline) / (target - baseline)
      : null
  let state: TrackState
  if (latest === null) state = 'no-readings'
  else if (baseline === null || target === null) state = 'not-measurable'
  else if (!better(kpi.direction, target, latest) && latest !== baseline) state = 'reached'
  else if (
    better(kpi.direction, baseline, latest) ||
    (previous !== null && better(kpi.direction, previous, latest))
  )
    state = 'wrong-way'
  else state = (progress ?? 0) > 0 ? 'on-track' : 'off-track'
  return { points, unreadable, baseline, target, latest, progress, state }
}

/** Days a KPI of each frequency may go without a reading before it is overdue. */
export const FREQUENCY_DAYS: Record<Frequency, number> = {
  weekly: 7,
  monthly: 31,
  quarterly: 92,
  yearly: 366,
}

/** Whole days from one YYYY-MM-DD date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}
