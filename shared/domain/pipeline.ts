/**
 * Meeting 4's pipeline: the actions in waves, with dates and status. Pure: no Yjs.
 */
import type { ActionQuadrant } from './actions.ts'

export const STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const
export type PipelineStatus = (typeof STATUSES)[number]

export function isStatus(value: unknown): value is PipelineStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value)
}

/** The order in which meeting 3's actions enter the pipeline: quick wins first, investments after. */
const QUADRANT_ORDER: Record<ActionQuadrant | 'unscored', number> = {
  'quick-win': 0,
  investment: 1,
  minor: 2,
  deprioritise: 3,
  unscored: 4,
}

export type PipelineCandidate = {
  id: string
  quadrant: ActionQuadrant | null
  benefit: number | null
  constraint: number | null
}

/**
 * Quick wins, then investments, minor, deprioritised and unscored actions; within one class the
 * higher benefit first, then the lower constraint, then the cards' own order.
 */
export function pipelineOrder(candidates: readonly PipelineCandidate[]): string[] {
  return candidates
    .map((c, order) => ({ ...c, order }))
    .sort(
      (a, b) =>
        QUADRANT_ORDER[a.quadrant ?? 'unscored'] - QUADRANT_ORDER[b.quadrant ?? 'unscored'] ||
        (b.benefit ?? 0) - (a.benefit ?? 0) ||
        (a.constraint ?? 6) - (b.constraint ?? 6) ||
        a.order - b.order,
    )
    .map((c) => c.id)
}

/** Which of the waves (in order) an action starts in: quick wins now, investments next, the rest later. */
export function suggestedWave(quadrant: ActionQuadrant | null, waveCount: number): number {
  if (waveCount <= 0) return -1
  const wanted = quadrant === 'quick-win' ? 0 : quadrant === 'investment' ? 1 : 2
  return Math.min(wanted, waveCount - 1)
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** A calendar date as YYYY-MM-DD that really exists (no 31 February). */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

export type DateProblem = 'start-invalid' | 'due-invalid' | 'due-before-start'

export function dateProblems(start: string | null, due: string | null): DateProblem[] {
  const problems: DateProblem[] = []
  if (start && !isIsoDate(start)) problems.push('start-invalid')
  if (due && !isIsoDate(due)) problems.push('due-invalid')
  if (problems.length === 0 && start && due && due < start) problems.push('due-before-start')
  return problems
}

const DAY_MS = 86_400_000
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS

/** The Monday on or before a date. */
export function weekStart(iso: string): string {
  const day = dayNumber(iso)
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7
  return new Date((day - weekday) * DAY_MS).toISOString().slice(0, 10)
}

export type TimelineBar = { id: string; fromWeek: number; weeks: number }
export type Timeline = { weeks: string[]; bars: TimelineBar[]; undated: string[] }

/**
 * Bars over weeks for the entries with valid dates (a missing due date is a one-week bar; a
 * missing start starts at the due week). Weeks run from the earliest Monday to the last.
 * At most `maxWeeks` columns (two years): bars reaching further are cut at the last week.
 */
export function buildTimeline(
  entries: readonly { id: string; start: string | null; due: string | null }[],
  maxWeeks = 104,
): Timeline {
  const dated: { id: string; from: number; to: number }[] = []
  const undated: string[] = []
  for (const entry of entries) {
    const start = entry.start && isIsoDate(entry.start) ? entry.start : null
    const due = entry.due && isIsoDate(entry.due) ? entry.due : null
    const from = start ?? due
    const to = due && (!start || due >= start) ? due : from
    if (!from || !to) {
      undated.push(entry.id)
      continue
    }
    dated.push({ id: entry.id, from: dayNumber(weekStart(from)), to: dayNumber(weekStart(to)) })
  }
  if (dated.length === 0) return { weeks: [], bars: [], undated }
  const first = Math.min(...dated.map((d) => d.from))
  const last = Math.min(Math.max(...dated.map((d) => d.to)), first + (maxWeeks - 1) * 7)
  const weeks: string[] = []
  for (let day = first; day <= last; day += 7) weeks.push(new Date(day * DAY_MS).toISOString().slice(0, 10))
  const bars = dated.map((d) => {
    const fromWeek = Math.min(weeks.length - 1, (d.from - first) / 7)
    const toWeek = Math.min(weeks.length - 1, (d.to - first) / 7)
    return { id: d.id, fromWeek, weeks: toWeek - fromWeek + 1 }
  })
  return { weeks, bars, undated }
}
