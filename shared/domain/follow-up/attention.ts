/**
 * What needs attention between the meetings, computed from the pipeline, its updates and the
 * KPI readings: the agenda of a follow-up review. Pure: the day is given, never read.
 */
import type { Language } from '../../i18n-language.ts'
import type { PipelineStatus } from '../pipeline.ts'
import { daysBetween, FREQUENCY_DAYS, type KpiForTrack, type KpiReading, kpiTrack } from './readings.ts'

export type FollowedAction = {
  id: string
  title: string
  status: PipelineStatus
  due: string | null
  quickWin: boolean
  kpiIds: readonly string[]
}

/** A dated change of an action by its owner (status, percent done, a note). */
export type ActionUpdate = {
  actionId: string
  date: string
  status: PipelineStatus
  percent: number
  note: string
}

export type FollowedKpi = KpiForTrack & { id: string; name: string }

export type Attention =
  | { kind: 'late'; actionId: string; daysLate: number }
  | { kind: 'stale'; actionId: string; daysSinceUpdate: number | null }
  | { kind: 'kpi-overdue'; kpiId: string; daysSinceReading: number | null }
  | { kind: 'kpi-wrong-way'; kpiId: string }
  | { kind: 'quick-win-unmeasured'; actionId: string; doneOn: string }

export type AttentionInput = {
  today: string
  actions: readonly FollowedAction[]
  updates: readonly ActionUpdate[]
  kpis: readonly FollowedKpi[]
  readings: readonly KpiReading[]
  /** An open action without an update for this many weeks is stale. */
  staleWeeks: number
  /** The day follow-up began (meeting 4): what is measured from before it counts from then. */
  since: string
  language?: Language
}

const open = (status: PipelineStatus) => status === 'planned' || status === 'in-progress'

export function needsAttention(input: AttentionInput): Attention[] {
  const { today, staleWeeks, since } = input
  const found: Attention[] = []
  const lastUpdate = new Map<string, ActionUpdate>()
  for (const update of input.updates) {
    const known = lastUpdate.get(update.actionId)
    if (!known || update.date >= known.date) lastUpdate.set(update.actionId, update)
  }
  const readingsOf = (kpiId: string) => input.readings.filter((r) => r.kpiId === kpiId)

  for (const action of input.actions) {
    if (!open(action.status)) continue
    if (action.due && action.due < today)
      found.push({ kind: 'late', actionId: action.id, daysLate: daysBetween(action.due, today) })
    const last = lastUpdate.get(action.id)
    const quietSince = last?.date ?? since
    const quiet = daysBetween(quietSince, today)
    if (quiet >= staleWeeks * 7)
      found.push({ kind: 'stale', actionId: action.id, daysSinceUpdate: last ? quiet : null })
  }

  for (const kpi of input.kpis) {
    const track = kpiTrack(kpi, readingsOf(kpi.id), input.language)
    const latestDate = track.points.at(-1)?.date ?? null
    const age = daysBetween(latestDate ?? since, today)
    if (age > FREQUENCY_DAYS[kpi.frequency])
      found.push({ kind: 'kpi-overdue', kpiId: kpi.id, daysSinceReading: latestDate ? age : null })
    if (track.state === 'wrong-way') found.push({ kind: 'kpi-wrong-way', kpiId: kpi.id })
  }

  // A quick win is done to show a benefit: one of its KPIs must have been read since.
  for (const action of input.actions) {
    if (!action.quickWin || action.status !== 'done') continue
    const doneOn = [...input.updates]
      .filter((u) => u.actionId === action.id && u.status === 'done')
      .sort((a, b) => a.date.localeCompare(b.date))[0]?.date
    if (!doneOn) continue
    const measured = action.kpiIds.some((kpiId) => readingsOf(kpiId).some((r) => r.date >= doneOn))
    if (!measured) found.push({ kind: 'quick-win-unmeasured', actionId: action.id, doneOn })
  }
  return found
}
