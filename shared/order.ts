import { generateKeyBetween } from 'fractional-indexing'

/** Anything ordered by a fractional index; ties (concurrent inserts at one spot) fall back to the id. */
export type Ordered = { readonly id: string; readonly index: string }

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.index !== b.index) return a.index < b.index ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function sortOrdered<T extends Ordered>(items: readonly T[]): T[] {
  return [...items].sort(compareOrdered)
}

/**
 * The index that puts an item at `position` (0 = first) in a sorted list that does not
 * contain it. Writing this one field is the whole move, so concurrent moves merge cleanly.
 * @example indexAt([{id:'a',index:'a0'}], 1) // 'a1'
 */
export function indexAt(sorted: readonly Ordered[], position: number): string {
  const at = Math.max(0, Math.min(position, sorted.length))
  const before = at > 0 ? sorted[at - 1]!.index : null
  let after: string | null = null
  // Equal indexes (from concurrent inserts) cannot be split: skip to the next larger one.
  for (let i = at; i < sorted.length; i++) {
    const candidate = sorted[i]!.index
    if (before === null || candidate > before) {
      after = candidate
      break
    }
  }
  return generateKeyBetween(before, after)
}

/** Index for appending after every item of the list. */
export function indexAtEnd(sorted: readonly Ordered[]): string {
  return indexAt(sorted, sorted.length)
}

/** The new index of `id` moved to `position` among its siblings (position counted without it). */
export function indexForMove(sorted: readonly Ordered[], id: string, position: number): string {
  return indexAt(
    sorted.filter((item) => item.id !== id),
    position,
  )
}
