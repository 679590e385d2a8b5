import { describe, expect, it } from 'vitest'
import { spliceBetween, transformPosition } from '../../../shared/text-diff.ts'

describe('the splice of one keystroke', () => {
  it.each([
    ['abc', 'abXc', { index: 2, remove: 0, insert: 'X' }],
    ['abc', 'ac', { index: 1, remove: 1, insert: '' }],
    ['abc', 'aXYc', { index: 1, remove: 1, insert: 'XY' }],
    ['aaa', 'aaaa', { index: 3, remove: 0, insert: 'a' }],
    ['', 'hi', { index: 0, remove: 0, insert: 'hi' }],
    ['same', 'same', { index: 4, remove: 0, insert: '' }],
  ])('%s -> %s', (before, after, splice) => {
    expect(spliceBetween(before, after)).toEqual(splice)
    const applied = before.slice(0, splice.index) + splice.insert + before.slice(splice.index + splice.remove)
    expect(applied).toBe(after)
  })
})

describe('the caret under a remote edit', () => {
  it('moves right when text is inserted before it and stays when inserted after', () => {
    expect(transformPosition(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8)
    expect(transformPosition(1, [{ retain: 2 }, { insert: 'abc' }])).toBe(1)
  })

  it('moves left when text before it is deleted, and to the deletion point when it was inside', () => {
    expect(transformPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(transformPosition(2, [{ retain: 1 }, { delete: 4 }])).toBe(1)
    expect(transformPosition(0, [{ delete: 4 }])).toBe(0)
  })
})
