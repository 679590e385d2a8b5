import { describe, expect, it } from 'vitest'
import {
  clampScore,
  customerAxisFromSurvey,
  priorityScore,
  quadrantOf,
  spreadAround,
  suggestPriorities,
} from '../../../shared/domain/materiality.ts'
import { tallySurvey } from '../../../shared/domain/survey.ts'

describe('the materiality matrix', () => {
  it('keeps scores whole and on the axis', () => {
    expect([clampScore(-3), clampScore(42.6), clampScore(130), clampScore(Number.NaN)]).toEqual([
      0, 43, 100, 50,
    ])
  })

  it('scores priority as the product of both axes, so an item must matter on both', () => {
    expect(priorityScore({ x: 90, y: 10 })).toBe(9)
    expect(priorityScore({ x: 50, y: 50 })).toBe(25)
    expect(priorityScore({ x: 80, y: 80 })).toBe(64)
  })

  it('puts points on a threshold line in the high half', () => {
    expect(quadrantOf({ x: 50, y: 50 }, 50)).toBe('priority')
    expect(quadrantOf({ x: 50, y: 49 }, 50)).toBe('customers')
    expect(quadrantOf({ x: 10, y: 70 }, 50)).toBe('organisation')
    expect(quadrantOf({ x: 10, y: 70 }, 80)).toBe('low')
  })

  it('suggests the best three top-right items, best first', () => {
    const placed = [
      { id: 'a', x: 60, y: 60 },
      { id: 'b', x: 90, y: 90 },
      { id: 'c', x: 95, y: 20 },
      { id: 'd', x: 70, y: 80 },
      { id: 'e', x: 55, y: 55 },
    ]
    expect(suggestPriorities(placed, 50)).toEqual({ ids: ['b', 'd', 'a'], tiedAtCut: false })
  })

  it('includes everything tied with the last place and says so', () => {
    const placed = [
      { id: 'a', x: 80, y: 80 },
      { id: 'b', x: 70, y: 70 },
      { id: 'c', x: 60, y: 60 },
      { id: 'd', x: 60, y: 60 },
    ]
    expect(suggestPriorities(placed, 50)).toEqual({ ids: ['a', 'b', 'c', 'd'], tiedAtCut: true })
    // Equal scores within the limit: higher relevance for customers first.
    expect(
      suggestPriorities(
        [
          { id: 'p', x: 60, y: 100 },
          { id: 'q', x: 100, y: 60 },
        ],
        50,
      ).ids,
    ).toEqual(['q', 'p'])
  })

  it('suggests fewer with fewer candidates, and nothing when no item is above both thresholds', () => {
    expect(suggestPriorities([{ id: 'a', x: 90, y: 90 }], 50)).toEqual({ ids: ['a'], tiedAtCut: false })
    expect(
      suggestPriorities(
        [
          { id: 'a', x: 90, y: 40 },
          { id: 'b', x: 40, y: 90 },
        ],
        50,
      ).ids,
    ).toEqual([])
    expect(suggestPriorities([], 50).ids).toEqual([])
  })

  it('seeds the customers axis from survey ratings linearly and from points relative to the top', () => {
    const ids = ['a', 'b', 'c']
    const rating = { interventionIds: ids, question: { kind: 'rating', min: 1, max: 5 } } as const
    const rated = tallySurvey(rating, [{ scores: { a: 5, b: 3, c: 1 } }, { scores: { a: 4, b: 3, c: 2 } }])
    expect(customerAxisFromSurvey({ question: rating.question, results: rated })).toEqual({
      a: 88,
      b: 50,
      c: 13,
    })

    const points = { interventionIds: ids, question: { kind: 'points', points: 10 } } as const
    const pointed = tallySurvey(points, [{ scores: { a: 6, b: 4 } }, { scores: { a: 4, b: 2 } }])
    expect(customerAxisFromSurvey({ question: points.question, results: pointed })).toEqual({
      a: 100,
      b: 60,
      c: 0,
    })
    expect(customerAxisFromSurvey({ question: points.question, results: null })).toEqual({})
  })
})

describe('putting the unplaced cards around the centre', () => {
  it('spreads them so that none hides another, all on the board', () => {
    for (const count of [1, 2, 5, 7, 12, 20]) {
      const points = spreadAround({ x: 50, y: 50 }, count)
      expect(points).toHaveLength(count)
      for (const p of points) {
        expect(p.x).toBeGreaterThanOrEqual(0)
        expect(p.x).toBeLessThanOrEqual(100)
      }
      for (let i = 0; i < points.length; i++)
        for (let j = i + 1; j < points.length; j++)
          expect(Math.hypot(points[i]!.x - points[j]!.x, points[i]!.y - points[j]!.y)).toBeGreaterThanOrEqual(
            6,
          )
    }
  })
})
