import * as Y from 'yjs'
import { newId } from '../ids.ts'
import { indexAt, indexAtEnd, indexForMove, type Ordered, sortOrdered } from '../order.ts'
import { localAction } from './origin.ts'

/**
 * Every kind of thing on the board is a record: a Y.Map under a root Y.Map keyed by id,
 * with an `index` for its order and Y.Text for the text people edit together.
 * This module is the only place that knows that layout.
 */
export type RecordMap = Y.Map<unknown>

export const recordsOf = (doc: Y.Doc, collection: string) => doc.getMap<RecordMap>(collection)

export function getRecord(doc: Y.Doc, collection: string, id: string): RecordMap | undefined {
  const record = recordsOf(doc, collection).get(id)
  return record instanceof Y.Map ? record : undefined
}

export function readText(record: RecordMap, field: string): string {
  const value = record.get(field)
  return value instanceof Y.Text ? value.toString() : typeof value === 'string' ? value : ''
}

export function readString(record: RecordMap, field: string): string | null {
  const value = record.get(field)
  return typeof value === 'string' ? value : null
}

/** The Y.Text of one field of one record, for collaborative editing. */
export function recordText(doc: Y.Doc, collection: string, id: string, field: string): Y.Text | undefined {
  const value = getRecord(doc, collection, id)?.get(field)
  return value instanceof Y.Text ? value : undefined
}

/** Reads every well-formed record of a collection, sorted by index; others are skipped. */
export function readRecords<T extends Ordered>(
  doc: Y.Doc,
  collection: string,
  read: (id: string, record: RecordMap) => T | undefined,
): T[] {
  const items: T[] = []
  for (const [id, record] of recordsOf(doc, collection)) {
    if (!(record instanceof Y.Map) || typeof record.get('index') !== 'string') continue
    const item = read(id, record)
    if (item) items.push(item)
  }
  return sortOrdered(items)
}

const orderOf = (doc: Y.Doc, collection: string): Ordered[] =>
  readRecords(doc, collection, (id, record) => ({ id, index: record.get('index') as string }))

/**
 * Creates a record with its fields; strings listed in `texts` become Y.Text.
 * Returns the new id. Runs in one local transaction (one undo step).
 */
export function addRecord(
  doc: Y.Doc,
  collection: string,
  fields: { texts?: Record<string, string>; values?: Record<string, unknown> },
  position?: number,
): string {
  const id = newId()
  localAction(doc, () => {
    const order = orderOf(doc, collection)
    const record = new Y.Map<unknown>()
    record.set('index', position === undefined ? indexAtEnd(order) : indexAt(order, position))
    for (const [field, text] of Object.entries(fields.texts ?? {})) record.set(field, new Y.Text(text))
    for (const [field, value] of Object.entries(fields.values ?? {})) record.set(field, value)
    recordsOf(doc, collection).set(id, record)
  })
  return id
}

export function removeRecord(doc: Y.Doc, collection: string, id: string): void {
  localAction(doc, () => recordsOf(doc, collection).delete(id))
}

/** Moves a record to `position` among the others (0 = first): one field write. */
export function moveRecord(doc: Y.Doc, collection: string, id: string, position: number): void {
  localAction(doc, () => {
    const record = getRecord(doc, collection, id)
    if (!record) return
    record.set('index', indexForMove(orderOf(doc, collection), id, position))
  })
}

export function setField(doc: Y.Doc, collection: string, id: string, field: string, value: unknown): void {
  localAction(doc, () => getRecord(doc, collection, id)?.set(field, value))
}
