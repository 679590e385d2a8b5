import type * as Y from 'yjs'
import type { PublishedSurvey } from '../domain/survey.ts'
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
