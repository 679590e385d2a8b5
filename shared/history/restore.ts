import * as Y from 'yjs'
import { CONTENT_COLLECTIONS, CONTENT_MAPS } from '../schema/content.ts'
import { ACTION_UPDATES } from '../schema/follow-up.ts'
import { spliceBetween } from '../text-diff.ts'

/**
 * The content document's roots a version holds and a restore brings back. Not the actions'
 * follow-up history: it says who changed what and when, and going back to a version of the
 * board does not unsay it.
 */
export const RESTORED_ROOTS: readonly string[] = [
  'meta',
  ...CONTENT_COLLECTIONS.filter((name) => name !== ACTION_UPDATES),
  ...CONTENT_MAPS,
]

/**
 * Makes `target` hold what `source` holds, as ordinary edits on `target` (call it inside a
 * transaction). Records that exist in both keep their identity and only their changed fields
 * are written, so a restore is a forward change: every connected screen receives it like
 * anyone's edit, and a copy that was offline merges with it on reconnect instead of
 * needing a reload.
 */
export function restoreDocument(target: Y.Doc, source: Y.Doc): void {
  for (const name of RESTORED_ROOTS) restoreMap(target.getMap(name), source.getMap(name))
}

function restoreMap(target: Y.Map<unknown>, source: Y.Map<unknown>): void {
  for (const key of [...target.keys()]) if (!source.has(key)) target.delete(key)
  for (const [key, wanted] of source.entries()) {
    const present = target.get(key)
    if (wanted instanceof Y.Map && present instanceof Y.Map) restoreMap(present, wanted)
    else if (wanted instanceof Y.Text && present instanceof Y.Text) restoreText(present, wanted)
    else if (wanted instanceof Y.Array && present instanceof Y.Array) restoreArray(present, wanted)
    else if (wanted instanceof Y.AbstractType) target.set(key, wanted.clone())
    else if (!samePlainValue(present, wanted)) target.set(key, wanted)
  }
}

function restoreText(target: Y.Text, source: Y.Text): void {
  const { index, remove, insert } = spliceBetween(target.toString(), source.toString())
  if (remove > 0) target.delete(index, remove)
  if (insert) target.insert(index, insert)
}

function restoreArray(target: Y.Array<unknown>, source: Y.Array<unknown>): void {
  if (JSON.stringify(target.toJSON()) === JSON.stringify(source.toJSON())) return
  target.delete(0, target.length)
  target.insert(
    0,
    source.toArray().map((item) => (item instanceof Y.AbstractType ? item.clone() : item)),
  )
}

function samePlainValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType) return false
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  return JSON.stringify(a) === JSON.stringify(b)
}
