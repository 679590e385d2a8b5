import type * as Y from 'yjs'

/** Where a transaction wrote: a root, the record (or map key) under it, the record's field. */
export type Touch = { root: string; record: string | null; field: string | null }

/**
 * Everything a transaction changed, as places in the document. Yjs reports the parent of
 * every inserted or deleted item (a type created in the same transaction shows as its parent's
 * key), so climbing from each changed type to its root names the record and field.
 */
export function touchesOf(doc: Y.Doc, transaction: Y.Transaction): Touch[] {
  const rootNames = rootNamesOf(doc)
  const touches: Touch[] = []
  for (const [type, keys] of transaction.changed) {
    const path: string[] = []
    let current = type as Y.AbstractType<unknown>
    while (current._item) {
      if (current._item.parentSub !== null) path.unshift(current._item.parentSub)
      current = current._item.parent as Y.AbstractType<unknown>
    }
    const root = rootNames.get(current)
    if (root === undefined) continue
    for (const key of keys.size > 0 ? keys : [null]) {
      const segments = key === null ? path : [...path, key]
      touches.push({ root, record: segments[0] ?? null, field: segments[1] ?? null })
    }
  }
  return touches
}

const rootNameCache = new WeakMap<Y.Doc, Map<unknown, string>>()

/** Root type → name, built again only when a root was added. */
function rootNamesOf(doc: Y.Doc): Map<unknown, string> {
  let names = rootNameCache.get(doc)
  if (!names || names.size !== doc.share.size) {
    names = new Map()
    for (const [name, type] of doc.share) names.set(type, name)
    rootNameCache.set(doc, names)
  }
  return names
}
