/**
 * A follow-up review looks at what changed since the one before: a review is a dated mark the
 * facilitator sets. Pure: the marks, the updates and the readings are given.
 */
import type { PipelineStatus } from '../pipeline.ts'
import type { KpiForTrack, KpiReading, TrackState } from './readings.ts'
import { kpiTrack } from './readings.ts'

export type ReviewMark = { id: string; date: string; at: number }
type Update = { entryId: string; date: string; at: number; status: PipelineStatus; percent: number }

export type ReviewChanges<U extends Update> = {
  /** The review compared against (null: none yet, everything counts from the start). */
  since: ReviewMark | null
  /** Updates stored after the mark. */
  updates: U[]
  /** Readings dated after the mark's day. */
  readings: KpiReading[]
  /** Actions whose status is not what it was at the mark. */
  statuses: { entryId: string; from: PipelineStatus; to: PipelineStatus }[]
  /** KPIs whose state is not what it was at the mark. */
  kpis: { kpiId: string; from: TrackState; to: TrackState }[]
}

/** The latest mark set. */
export function lastReview(marks: readonly ReviewMark[]): ReviewMark | null {
  return [...marks].sort((a, b) => b.at - a.at)[0] ?? null
}

export function changesSince<U extends Update>(input: {
  since: ReviewMark | null
  entries: readonly { id: string; status: PipelineStatus }[]
  updates: readonly U[]
  kpis: readonly (KpiForTrack & { id: string })[]
  readings: readonly KpiReading[]
  language?: 'it' | 'en'
}): ReviewChanges<U> {
  const { since } = input
  const after = (u: Update) => since === null || u.at > since.at
  const statusAt = (entry: { id: string; status: PipelineStatus }, updates: readonly Update[]) =>
    [...updates]
      .filter((u) => u.entryId === entry.id)
      .sort((a, b) => b.date.localeCompare(a.date) || b.at - a.at)[0]?.status ?? entry.status
  const before = input.updates.filter((u) => !after(u))
  const statuses = input.entries.flatMap((entry) => {
    const from = statusAt(entry, before)
    const to = statusAt(entry, input.updates)
    return from === to ? [] : [{ entryId: entry.id, from, to }]
  })
  const readBefore = (r: KpiReading) => since !== null && r.date <= since.date
  const kpis = input.kpis.flatMap((kpi) => {
    const all = input.readings.filter((r) => r.kpiId === kpi.id)
    const from = kpiTrack(kpi, all.filter(readBefore), input.language).state
    const to = kpiTrack(kpi, all, input.language).state
    return from === to ? [] : [{ kpiId: kpi.id, from, to }]
  })
  return {
    since,
    updates: input.updates.filter(after).sort((a, b) => b.at - a.at),
    readings: input.readings.filter((r) => !readBefore(r)).sort((a, b) => b.date.localeCompare(a.date)),
    statuses,
    kpis,
  }
}
