import { describe, expect, it } from 'vitest'
import { COLUMN_PREFIX, dropPosition } from '../../../client/src/lib/column-drop.ts'

const columns = new Map([
  ['s1', [{ id: 'a' }, { id: 'b' }, { id: 'c' }]],
  ['s2', [{ id: 'd' }]],
  ['s3', []],
])

describe('where a dropped card lands', () => {
  it('within its column, at the place of the card it was dropped on', () => {
    expect(dropPosition(columns, 'a', 'c')).toEqual({ column: 's1', position: 2 })
    expect(dropPosition(columns, 'c', 'a')).toEqual({ column: 's1', position: 0 })
  })

  it('in another column, before the card it was dropped on', () => {
    expect(dropPosition(columns, 'b', 'd')).toEqual({ column: 's2', position: 0 })
  })

  it('at the end of a column dropped on its empty area', () => {
    expect(dropPosition(columns, 'a', `${COLUMN_PREFIX}s3`)).toEqual({ column: 's3', position: 0 })
    expect(dropPosition(columns, 'a', `${COLUMN_PREFIX}s1`)).toEqual({ column: 's1', position: 2 })
  })

  it('nowhere over an unknown target', () => {
    expect(dropPosition(columns, 'a', 'zz')).toBeUndefined()
  })
})
