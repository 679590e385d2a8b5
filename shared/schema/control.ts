import type * as Y from 'yjs'
import type { PublishedVote } from '../domain/dot-vote.ts'
import type { PublishedRating } from '../domain/rating-round.ts'
import type { PublishedScoringRound } from '../domain/scoring-round.ts'
import type { PublishedSurvey } from '../domain/survey.ts'
import { STOPPED, type TimerState } from '../domain/timer.ts'
import { isStepId, type StepId } from '../steps.ts'
import { localAction } from './origin.ts'

/** The facilitator's document: only the facilitator key may write it (the server enforces this). */
export type ControlState = { step: StepId }

export const controlMap = (doc: Y.Doc) => doc.getMap<unknown>('control')

export function readControl(doc: Y.Doc): ControlState {
  const step = controlMap(doc).get('step')
  return { step: isStepId(step) ? step : 'setup' }
}

export function setFacilitatorStep(doc: Y.Doc, step: StepId): void {
  localAction(doc, () => controlMap(doc).set('step', step))
}

/** The survey the server published (only the server writes it), or null. */
export function readSurvey(doc: Y.Doc): PublishedSurvey | null {
  const value = controlMap(doc).get('survey')
  if (!value || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') return null
  return value as PublishedSurvey
}

export function publishSurvey(doc: Y.Doc, survey: PublishedSurvey): void {
  controlMap(doc).set('survey', survey)
}

/** The priority areas the facilitator confirmed in meeting 2: intervention ids, in order. */
export function readPriorities(doc: Y.Doc): string[] {
  const value = controlMap(doc).get('priorities')
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

export function setPriorities(doc: Y.Doc, ids: readonly string[]): void {
  localAction(doc, () => controlMap(doc).set('priorities', [...new Set(ids)]))
}

/** The silent scoring round the server published (only the server writes it), or null. */
export function readScoringRound(doc: Y.Doc): PublishedScoringRound | null {
  const value = controlMap(doc).get('scoring')
  if (!value || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') return null
  return value as PublishedScoringRound
}

export function publishScoringRound(doc: Y.Doc, round: PublishedScoringRound): void {
  controlMap(doc).set('scoring', round)
}

/** The action card the facilitator is walking everyone through in meeting 3's debrief, or null. */
export function readDebriefCard(doc: Y.Doc): string | null {
  const value = controlMap(doc).get('debriefCard')
  return typeof value === 'string' ? value : null
}

export function setDebriefCard(doc: Y.Doc, actionId: string | null): void {
  localAction(doc, () => controlMap(doc).set('debriefCard', actionId))
}

/** The room timer as the server last stamped it. */
export function readTimer(doc: Y.Doc): TimerState {
  const value = controlMap(doc).get('timer') as TimerState | undefined
  if (!value || typeof value !== 'object') return STOPPED
  if (value.status === 'running' && typeof value.endsAt === 'number') return value
  if (value.status === 'paused' && typeof value.remainingMs === 'number') return value
  return STOPPED
}

/** The dot vote the server published (only the server writes it), or null. */
export function readVote(doc: Y.Doc): PublishedVote | null {
  const value = controlMap(doc).get('vote')
  if (!value || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') return null
  return value as PublishedVote
}

/** Steps the facilitator locked: participants see them read-only. */
export function readLocks(doc: Y.Doc): StepId[] {
  const value = controlMap(doc).get('locks')
  return Array.isArray(value) ? value.filter(isStepId) : []
}

export function setStepLocked(doc: Y.Doc, step: StepId, locked: boolean): void {
  const others = readLocks(doc).filter((s) => s !== step)
  localAction(doc, () => controlMap(doc).set('locks', locked ? [...others, step] : others))
}

/** "Bring everyone here": a counter the facilitator raises; every screen that sees it change follows again. */
export function readSummons(doc: Y.Doc): number {
  const value = controlMap(doc).get('summons')
  return typeof value === 'number' ? value : 0
}

export function summonEveryone(doc: Y.Doc): void {
  localAction(doc, () => controlMap(doc).set('summons', readSummons(doc) + 1))
}

/** A default countdown per step, offered to the facilitator on entering it. */
export function readStepDurations(doc: Y.Doc): Partial<Record<StepId, number>> {
  const value = controlMap(doc).get('stepDurations')
  return value && typeof value === 'object' ? (value as Partial<Record<StepId, number>>) : {}
}

export function setStepDuration(doc: Y.Doc, step: StepId, minutes: number | null): void {
  const { [step]: _, ...others } = readStepDurations(doc)
  localAction(doc, () =>
    controlMap(doc).set('stepDurations', minutes ? { ...others, [step]: minutes } : others),
  )
}

/**
 * The rating the report shows: the latest round once it has results; while a new round runs
 * (or was closed without enough answers), the results of the round before it.
 */
export function readReportedRating(doc: Y.Doc, purpose: PublishedRating['purpose']): PublishedRating | null {
  const current = readRating(doc, purpose)
  if (current?.results) return current
  const previous = controlMap(doc).get(`rating:${purpose}:previous`)
  if (previous && typeof previous === 'object' && (previous as PublishedRating).results)
    return previous as PublishedRating
  return current
}

/** A vision workshop rating (culture self-assessment, factors today vs target) as the server published it. */
export function readRating(doc: Y.Doc, purpose: PublishedRating['purpose']): PublishedRating | null {
  const value = controlMap(doc).get(`rating:${purpose}`)
  if (!value || typeof value !== 'object' || typeof (value as { id?: unknown }).id !== 'string') return null
  return value as PublishedRating
}
