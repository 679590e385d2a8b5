import { describe, expect, it } from 'vitest'
import { ballotProblems, type SurveyDefinition, tallySurvey } from '../../../shared/domain/survey.ts'

const rating: SurveyDefinition = {
  interventionIds: ['a', 'b', 'c'],
  question: { kind: 'rating', min: 1, max: 5 },
}
const points: SurveyDefinition = { interventionIds: ['a', 'b'], question: { kind: 'points', points: 10 } }

describe('ballot rules', () => {
  it('accept a complete rating ballot and a points ballot that adds up', () => {
    expect(ballotProblems(rating, { scores: { a: 1, b: 5, c: 3 } })).toEqual([])
    expect(ballotProblems(points, { scores: { a: 7, b: 3 } })).toEqual([])
    expect(ballotProblems(points, { scores: { a: 10 } })).toEqual([])
  })

  it('refuse unknown interventions, missing, fractional and out-of-range scores', () => {
    expect(ballotProblems(rating, { scores: { a: 0, b: 2.5, x: 3 } })).toEqual([
      { problem: 'unknown-intervention', interventionId: 'x' },
      { problem: 'out-of-range', interventionId: 'a', min: 1, max: 5 },
      { problem: 'not-an-integer', interventionId: 'b' },
      { problem: 'missing-score', interventionId: 'c' },
    ])
  })

  it('refuse points that do not add up exactly', () => {
    expect(ballotProblems(points, { scores: { a: 7, b: 2 } })).toEqual([
      { problem: 'points-do-not-add-up', expected: 10, actual: 9 },
    ])
  })

  it('refuse comments on unknown interventions and overlong comments', () => {
    expect(
      ballotProblems(rating, { scores: { a: 1, b: 1, c: 1 }, comments: { z: 'hi', a: 'x'.repeat(1001) } }),
    ).toEqual([
      { problem: 'unknown-intervention', interventionId: 'z' },
      { problem: 'comment-too-long', interventionId: 'a', max: 1000 },
    ])
  })
})

describe('the tally', () => {
  it('gives means, spreads, distributions and ranks with ties', () => {
    const results = tallySurvey(rating, [{ scores: { a: 5, b: 4, c: 1 } }, { scores: { a: 3, b: 4, c: 5 } }])
    expect(results.ballots).toBe(2)
    expect(results.results).toEqual([
      {
        interventionId: 'a',
        answers: 2,
        mean: 4,
        spread: 1,
        rank: 1,
        tied: true,
        distribution: [0, 0, 1, 0, 1],
      },
      {
        interventionId: 'b',
        answers: 2,
        mean: 4,
        spread: 0,
        rank: 1,
        tied: true,
        distribution: [0, 0, 0, 2, 0],
      },
      {
        interventionId: 'c',
        answers: 2,
        mean: 3,
        spread: 2,
        rank: 3,
        tied: false,
        distribution: [1, 0, 0, 0, 1],
      },
    ])
    expect(results.disagreementOrder).toEqual(['c', 'a', 'b'])
  })

  it('handles an empty survey', () => {
    const results = tallySurvey(rating, [])
    expect(results.ballots).toBe(0)
    expect(results.results.every((r) => r.answers === 0 && r.mean === null && r.rank === null)).toBe(true)
    expect(results.disagreementOrder).toEqual([])
  })

  it('buckets distributed points by fifths of the total', () => {
    const results = tallySurvey(points, [{ scores: { a: 10, b: 0 } }, { scores: { a: 4, b: 6 } }])
    expect(results.results[0]).toMatchObject({ mean: 7, distribution: [0, 0, 1, 0, 1], rank: 1 })
    expect(results.results[1]).toMatchObject({ mean: 3, distribution: [1, 0, 0, 1, 0], rank: 2 })
  })
})

describe('points surveys count an untouched intervention as 0 points', () => {
  const abc: SurveyDefinition = {
    interventionIds: ['A', 'B', 'C'],
    question: { kind: 'points', points: 100 },
  }

  it('four ballots of A 60 / B 40 and one of C 100 give means A 48, B 32, C 20', () => {
    const ballots = [
      ...Array.from({ length: 4 }, () => ({ scores: { A: 60, B: 40 } })),
      { scores: { C: 100 } },
    ]
    const { results } = tallySurvey(abc, ballots)
    expect(results.map((r) => [r.interventionId, r.mean, r.answers, r.rank])).toEqual([
      ['A', 48, 5, 1],
      ['B', 32, 5, 2],
      ['C', 20, 5, 3],
    ])
    expect(results.find((r) => r.interventionId === 'C')!.distribution).toEqual([4, 0, 0, 0, 1])
  })
})

describe('ranks and ties come from the exact means, not the rounded ones', () => {
  it('3.333 and 3.334 both show as 3.33 but rank apart and are not tied', () => {
    const survey: SurveyDefinition = {
      interventionIds: ['x', 'y'],
      question: { kind: 'rating', min: 1, max: 5 },
    }
    // 1000 ballots: x sums to 3333, y to 3334.
    const ballots = Array.from({ length: 1000 }, (_, i) => ({
      scores: { x: i < 333 ? 4 : 3, y: i < 334 ? 4 : 3 },
    }))
    const sum = (id: 'x' | 'y') => ballots.reduce((total, b) => total + b.scores[id], 0)
    expect([sum('x'), sum('y')]).toEqual([3333, 3334])
    const { results } = tallySurvey(survey, ballots)
    expect(results.map((r) => r.mean)).toEqual([3.33, 3.33])
    expect(results.map((r) => [r.interventionId, r.rank, r.tied])).toEqual([
      ['x', 2, false],
      ['y', 1, false],
    ])
  })
})
