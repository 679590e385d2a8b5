import type * as Y from 'yjs'
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
