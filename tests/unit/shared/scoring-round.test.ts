import { describe, expect, it } from 'vitest'
import { scoringBallotProblems, tallyScoringRound } from '../../../shared/domain/scoring-round.ts'

describe('the silent scoring round', () => {
  it('checks both axes of every intervention and says which axis is wrong', () => {
    expect(scoringBallotProblems(['a'], { scores: { a: { x: 3, y: 4 } } })).toEqual([])
    expect(scoringBallotProblems(['a', 'b'], { scores: { a: { x: 0, y: 2.5 } } })).toEqual([
      { problem: 'out-of-range', interventionId: 'a', min: 1, max: 5, axis: 'x' },
      { problem: 'missing-score', interventionId: 'b', axis: 'x' },
      { problem: 'not-an-integer', interventionId: 'a', axis: 'y' },
      { problem: 'missing-score', interventionId: 'b', axis: 'y' },
    ])
  })

  it('averages on the matrix scale, draws the spread and lists the biggest disagreement first', () => {
    const tally = tallyScoringRound(
      ['calm', 'split', 'none'],
      [
        { scores: { calm: { x: 4, y: 4 }, split: { x: 1, y: 5 } } },
        { scores: { calm: { x: 4, y: 5 }, split: { x: 5, y: 1 } } },
      ],
    )
    expect(tally.ballots).toBe(2)
    expect(tally.results).toEqual([
      { interventionId: 'calm', answers: 2, x: 75, y: 87.5, spreadX: 0, spreadY: 12.5, disagreement: 12.5 },
      { interventionId: 'split', answers: 2, x: 50, y: 50, spreadX: 50, spreadY: 50, disagreement: 70.7 },
      {
        interventionId: 'none',
        answers: 0,
        x: null,
        y: null,
        spreadX: null,
        spreadY: null,
        disagreement: null,
      },
    ])
    expect(tally.disagreementOrder).toEqual(['split', 'calm'])
  })
})
