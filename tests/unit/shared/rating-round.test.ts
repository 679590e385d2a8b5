import { describe, expect, it } from 'vitest'
import {
  groupMeans,
  ratingProblems,
  tallyRatings,
  weakestFirst,
} from '../../../shared/domain/rating-round.ts'

const factors = { itemIds: ['certainty', 'control'], axes: ['today', 'target'], min: 0, max: 10 }

describe('private rating rounds', () => {
  it('need every item on every scale, whole and in range', () => {
    expect(
      ratingProblems(factors, {
        scores: { certainty: { today: 3, target: 9 }, control: { today: 5, target: 8 } },
      }),
    ).toEqual([])
    expect(
      ratingProblems(factors, { scores: { certainty: { today: 11, target: 9 }, ghost: { today: 1 } } }),
    ).toEqual([
      { problem: 'unknown-item', itemId: 'ghost' },
      { problem: 'out-of-range', itemId: 'certainty', axis: 'today', min: 0, max: 10 },
      { problem: 'missing-score', itemId: 'control', axis: 'today' },
      { problem: 'missing-score', itemId: 'control', axis: 'target' },
    ])
  })

  it('average each scale with its spread, list the weakest first and average per group for the radar', () => {
    const culture = { itemIds: ['s1', 's2', 's3'], axes: ['score'], min: 1, max: 5 }
    const results = tallyRatings(culture, [
      { scores: { s1: { score: 4 }, s2: { score: 1 }, s3: { score: 2 } } },
      { scores: { s1: { score: 4 }, s2: { score: 3 }, s3: { score: 2 } } },
    ])
    expect(results[1]).toEqual({ itemId: 's2', axes: { score: { mean: 2, spread: 1, answers: 2 } } })
    expect(weakestFirst(results, 'score')).toEqual(['s2', 's3', 's1'])
    expect(groupMeans(results, (id) => (id === 's1' ? 'Promise' : 'Leadership'), 'score')).toEqual([
      { group: 'Promise', mean: 4 },
      { group: 'Leadership', mean: 2 },
    ])
    expect(tallyRatings(culture, [])[0]).toEqual({ itemId: 's1', axes: { score: null } })
  })
})
