import * as Y from 'yjs'
import { clampPoint, clampScore, DEFAULT_THRESHOLD, type MatrixPoint } from '../domain/materiality.ts'
import { localAction } from './origin.ts'
import { getRecord, recordsOf } from './records.ts'

/**
 * The materiality matrix in the content document. A position is one field holding {x, y}, so
 * two people dragging the same card at once end with one of their drops, never x from one
 * and y from the other.
 */
export type MatrixSettings = {
  /** null: the default label in the reader's language. */
  xLabel: string | null
  yLabel: string | null
  threshold: number
}

export const materialityMap = (doc: Y.Doc) => doc.getMap<unknown>('materiality')

export function readMatrixSettings(doc: Y.Doc): MatrixSettings {
  const map = materialityMap(doc)
  const label = (key: string) => {
    const value = map.get(key)
    return typeof value === 'string' && value.trim() ? value : null
  }
  const threshold = map.get('threshold')
  return {
    xLabel: label('xLabel'),
    yLabel: label('yLabel'),
    threshold: typeof threshold === 'number' ? clampScore(threshold) : DEFAULT_THRESHOLD,
  }
}

export function setAxisLabel(doc: Y.Doc, axis: 'x' | 'y', label: string): void {
  localAction(doc, () => materialityMap(doc).set(`${axis}Label`, label.trim().slice(0, 80)))
}

export function setThreshold(doc: Y.Doc, threshold: number): void {
  localAction(doc, () => materialityMap(doc).set('threshold', clampScore(threshold)))
}

function isPoint(value: unknown): value is MatrixPoint {
  if (!value || typeof value !== 'object') return false
  const { x, y } = value as Record<string, unknown>
  return typeof x === 'number' && typeof y === 'number'
}

/** interventionId → position; interventions not yet placed are absent. */
export function readMatrixPositions(doc: Y.Doc): Record<string, MatrixPoint> {
  const positions: Record<string, MatrixPoint> = {}
  for (const [id, record] of recordsOf(doc, 'interventions')) {
    const value = record instanceof Y.Map ? record.get('matrix') : undefined
    if (isPoint(value)) positions[id] = clampPoint(value)
  }
  return positions
}

/** Places several interventions in one undo step (a drop, a seeding, a reveal). */
export function setMatrixPositions(doc: Y.Doc, positions: Record<string, MatrixPoint | null>): void {
  localAction(doc, () => {
    for (const [id, point] of Object.entries(positions)) {
      const record = getRecord(doc, 'interventions', id)
      if (!record) continue
      if (point) record.set('matrix', clampPoint(point))
      else record.delete('matrix')
    }
  })
}

export const setMatrixPosition = (doc: Y.Doc, id: string, point: MatrixPoint | null) =>
  setMatrixPositions(doc, { [id]: point })
