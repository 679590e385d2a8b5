/** The single splice that turns `before` into `after`: where, how much to delete, what to insert. */
export function spliceBetween(
  before: string,
  after: string,
): { index: number; remove: number; insert: string } {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before[start] === after[start]) start++
  let endBefore = before.length
  let endAfter = after.length
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--
    endAfter--
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) }
}

type Delta = { retain?: number; insert?: unknown; delete?: number }[]

/** Where a caret at `position` ends up after a remote change described by a Yjs text delta. */
export function transformPosition(position: number, delta: Delta): number {
  let cursor = 0
  let result = position
  for (const op of delta) {
    if (op.retain !== undefined) cursor += op.retain
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (cursor <= result) result += length
      cursor += length
    } else if (op.delete !== undefined) {
      if (cursor < result) result -= Math.min(op.delete, result - cursor)
    }
    if (cursor > result) break
  }
  return result
}
