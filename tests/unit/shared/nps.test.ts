import { describe, expect, it } from 'vitest'
import {
  cesCountsFromScores,
  computeCes,
  computeNps,
  npsBand,
  npsCountsFromScores,
} from '../../../shared/domain/nps.ts'

describe('NPS', () => {
  it('is % promoters minus % detractors', () => {
    expect(computeNps({ promoters: 50, passives: 30, detractors: 20 })).toMatchObject({
      nps: 30,
      n: 100,
      smallSample: false,
    })
  })

  it('has no value without answers', () => {
    expect(computeNps({ promoters: 0, passives: 0, detractors: 0 })).toBeUndefined()
  })

  it('reaches +100 and -100 at the extremes', () => {
    expect(computeNps({ promoters: 40, passives: 0, detractors: 0 })?.nps).toBe(100)
    expect(computeNps({ promoters: 0, passives: 0, detractors: 40 })?.nps).toBe(-100)
  })

  it('flags a small sample (under 30 answers)', () => {
    expect(computeNps({ promoters: 10, passives: 9, detractors: 10 })?.smallSample).toBe(true)
    expect(computeNps({ promoters: 10, passives: 10, detractors: 10 })?.smallSample).toBe(false)
  })

  it('rounds to one decimal', () => {
    expect(computeNps({ promoters: 1, passives: 1, detractors: 1 })?.nps).toBe(0)
    expect(computeNps({ promoters: 2, passives: 0, detractors: 1 })?.nps).toBe(33.3)
  })

  it('sorts raw 0-10 scores into promoters (9-10), passives (7-8) and detractors (0-6)', () => {
    expect(npsCountsFromScores([0, 6, 7, 8, 9, 10, 10])).toEqual({ promoters: 3, passives: 2, detractors: 2 })
  })

  it('bands scores so the weakest stages stand out', () => {
    expect([-30, 0, 19, 20, 49, 50, 100].map(npsBand)).toEqual([
      'critical',
      'weak',
      'weak',
      'fair',
      'fair',
      'good',
      'good',
    ])
  })
})

describe('CES', () => {
  it('is the mean of 1-7 scores, from their distribution', () => {
    const counts = cesCountsFromScores([1, 2, 3, 7, 7])
    expect(counts).toEqual([1, 1, 1, 0, 0, 0, 2])
    expect(computeCes(counts)).toEqual({ mean: 4, n: 5, smallSample: true })
  })

  it('has no value without answers', () => {
    expect(computeCes([0, 0, 0, 0, 0, 0, 0])).toBeUndefined()
  })
})
