import * as Y from 'yjs'
import { CONTENT_COLLECTIONS } from '../schema/content.ts'

/** How many records each collection holds (collections left empty are left out). */
export type RecordCounts = Partial<Record<(typeof CONTENT_COLLECTIONS)[number], number>>

export function countRecords(doc: Y.Doc): RecordCounts {
  const counts: RecordCounts = {}
  for (const name of CONTENT_COLLECTIONS) {
    let count = 0
    for (const record of doc.getMap(name).values()) if (record instanceof Y.Map) count++
    if (count > 0) counts[name] = count
  }
  return counts
}

/** What changed from one version to the next, per collection: "+3 pains, -1 action". */
export function countChanges(before: RecordCounts, after: RecordCounts): RecordCounts {
  const changes: RecordCounts = {}
  for (const name of CONTENT_COLLECTIONS) {
    const delta = (after[name] ?? 0) - (before[name] ?? 0)
    if (delta !== 0) changes[name] = delta
  }
  return changes
}
