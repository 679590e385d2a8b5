import { describe, expect, it } from 'vitest'
import { indexAt, indexForMove, type Ordered, sortOrdered } from '../../../shared/order.ts'

const list = (...indexes: string[]): Ordered[] => indexes.map((index, i) => ({ id: `id${i}`, index }))

describe('fractional ordering', () => {
  it('places an item first, between two, and last', () => {
    const items = list('a1', 'a2')
    expect(indexAt(items, 0) < 'a1').toBe(true)
    const middle = indexAt(items, 1)
    expect(middle > 'a1' && middle < 'a2').toBe(true)
    expect(indexAt(items, 2) > 'a2').toBe(true)
    expect(indexAt([], 0)).toBe('a0')
  })

  it('clamps positions outside the list', () => {
    const items = list('a1')
    expect(indexAt(items, -3) < 'a1').toBe(true)
    expect(indexAt(items, 99) > 'a1').toBe(true)
  })

  it('sorts ties (concurrent inserts at one spot) by id, the same everywhere', () => {
    const tied = [
      { id: 'b', index: 'a1' },
      { id: 'a', index: 'a1' },
      { id: 'c', index: 'a0' },
    ]
    expect(sortOrdered(tied).map((i) => i.id)).toEqual(['c', 'a', 'b'])
  })

  it('can place an item between equal indexes', () => {
    const tied = sortOrdered([
      { id: 'x', index: 'a1' },
      { id: 'y', index: 'a1' },
      { id: 'z', index: 'a2' },
    ])
    const index = indexAt(tied, 1)
    expect(index > 'a1' && index < 'a2').toBe(true)
  })

  it('moves an item to a position counted without it', () => {
    const items = sortOrdered(list('a0', 'a1', 'a2', 'a3'))
    const moved = { id: 'id0', index: indexForMove(items, 'id0', 2) }
    const result = sortOrdered([moved, ...items.slice(1)]).map((i) => i.id)
    expect(result).toEqual(['id1', 'id2', 'id0', 'id3'])
  })
})
