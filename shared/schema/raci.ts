import type * as Y from 'yjs'
import { isRaciLetter, type RaciCells, type RaciLetter } from '../domain/raci.ts'
import { localAction } from './origin.ts'
import { addRecord, readRecords, readString, readText, recordsOf } from './records.ts'

/**
 * The light RACI in the content document: one root map with a key per filled cell
 * (`rowId/unitId` → letter), so two people setting different cells never collide, and the
 * optional sub-actions of each priority area as records. Rows are the priority areas the
 * facilitator confirmed (the control document) followed by their sub-actions.
 */
export const raciMap = (doc: Y.Doc) => doc.getMap<unknown>('raci')

const cellKey = (rowId: string, unitId: string) => `${rowId}/${unitId}`

export function readRaciCells(doc: Y.Doc): RaciCells {
  const cells: Record<string, Record<string, RaciLetter>> = {}
  for (const [key, letter] of raciMap(doc)) {
    const [rowId, unitId] = key.split('/')
    if (!rowId || !unitId || !isRaciLetter(letter)) continue
    cells[rowId] ??= {}
    cells[rowId][unitId] = letter
  }
  return cells
}

export function setRaciCell(doc: Y.Doc, rowId: string, unitId: string, letter: RaciLetter | null): void {
  localAction(doc, () => {
    if (letter) raciMap(doc).set(cellKey(rowId, unitId), letter)
    else raciMap(doc).delete(cellKey(rowId, unitId))
  })
}

export type SubAction = { id: string; index: string; areaId: string; title: string }

export function readSubActions(doc: Y.Doc): SubAction[] {
  return readRecords(doc, 'subActions', (id, record) => {
    const areaId = readString(record, 'areaId')
    if (!areaId) return undefined
    return { id, index: record.get('index') as string, areaId, title: readText(record, 'title') }
  })
}

export function addSubAction(doc: Y.Doc, areaId: string, title: string): string {
  return addRecord(doc, 'subActions', { texts: { title }, values: { areaId } })
}

/** Removes a sub-action with its row of the RACI, in one undo step. */
export function removeSubAction(doc: Y.Doc, id: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'subActions').delete(id)
    for (const key of [...raciMap(doc).keys()]) if (key.startsWith(`${id}/`)) raciMap(doc).delete(key)
  })
}

export type RaciRow = { id: string; kind: 'area' | 'subAction'; areaId: string }

/** The RACI's rows: each priority area, in the facilitator's order, followed by its sub-actions. */
export function raciRows(priorityIds: readonly string[], subActions: readonly SubAction[]): RaciRow[] {
  return priorityIds.flatMap((areaId) => [
    { id: areaId, kind: 'area' as const, areaId },
    ...subActions
      .filter((s) => s.areaId === areaId)
      .map((s) => ({ id: s.id, kind: 'subAction' as const, areaId })),
  ])
}
