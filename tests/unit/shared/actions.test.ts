import { describe, expect, it } from 'vitest'
import {
  type ActionScores,
  actionPosition,
  actionsInCycles,
  classifyAction,
  constraintScore,
  countByQuadrant,
  dependencyCycle,
  scoresAtPosition,
  spreadConstraint,
} from '../../../shared/domain/actions.ts'

const scores = (
  benefit: number | null,
  cost: number | null,
  complexity: number | null,
  time: number | null,
): ActionScores => ({
  benefit,
  cost,
  complexity,
  time,
})
const thresholds = { benefit: 3, constraint: 3 }

describe('action scores', () => {
  it('combine the three constraints as their mean, only when all three are scored', () => {
    expect(constraintScore(scores(4, 1, 2, 2))).toBe(1.7)
    expect(constraintScore(scores(4, 5, 5, 5))).toBe(5)
    expect(constraintScore(scores(4, 1, null, 2))).toBeNull()
  })

  it('classify into the four quadrants, a score on a threshold counting as high', () => {
    expect(classifyAction(scores(5, 1, 1, 2), thresholds)).toBe('quick-win')
    expect(classifyAction(scores(3, 3, 3, 3), thresholds)).toBe('investment')
    expect(classifyAction(scores(2, 2, 2, 2), thresholds)).toBe('minor')
    expect(classifyAction(scores(2, 4, 3, 2), thresholds)).toBe('deprioritise')
    expect(classifyAction(scores(4, 2, 3, 3), thresholds)).toBe('quick-win')
    expect(classifyAction(scores(4, 2, 3, 3), { benefit: 4.5, constraint: 2.5 })).toBe('deprioritise')
    expect(classifyAction(scores(null, 1, 1, 1), thresholds)).toBeNull()
    // 3, 3, 2 average 2.67, shown as 2.7: under a 2.68 threshold, where the card is drawn.
    expect(constraintScore(scores(4, 3, 3, 2))).toBe(2.7)
    expect(classifyAction(scores(4, 3, 3, 2), { benefit: 3, constraint: 2.68 })).toBe('quick-win')
    expect(actionPosition(scores(4, 3, 3, 2))!.x).toBeLessThan(((2.68 - 1) / 4) * 100)
    expect(countByQuadrant(['quick-win', null, 'quick-win', 'minor'])).toEqual({
      'quick-win': 2,
      investment: 0,
      minor: 1,
      deprioritise: 0,
      unscored: 1,
    })
  })

  it('map scores to a position and a position back to the same scores (round trip)', () => {
    for (const s of [scores(1, 1, 1, 1), scores(5, 5, 5, 5), scores(4, 1, 2, 2), scores(2, 5, 1, 3)]) {
      const position = actionPosition(s)!
      expect(scoresAtPosition(s, position)).toEqual(s)
    }
    const position = actionPosition(scores(4, 1, 2, 2))!
    expect(position.x).toBeCloseTo(16.667, 3)
    expect(position.y).toBe(75)
    expect(actionPosition(scores(4, null, 2, 2))).toBeNull()
  })

  it('turn a drop into scores: benefit snaps to a whole score, constraints change as little as possible', () => {
    expect(scoresAtPosition(scores(2, 1, 2, 2), { x: 50, y: 90 })).toEqual({
      benefit: 5,
      cost: 3,
      complexity: 3,
      time: 3,
    })
    expect(spreadConstraint({ cost: 1, complexity: 5, time: 2 }, 3)).toEqual({
      cost: 2,
      complexity: 5,
      time: 2,
    })
    expect(spreadConstraint({ cost: 1, complexity: 5, time: 2 }, 1)).toEqual({
      cost: 1,
      complexity: 1,
      time: 1,
    })
    expect(spreadConstraint({}, 3.4)).toEqual({ cost: 4, complexity: 3, time: 3 })
    // A position's own scores come back unchanged, and a drop further right never lowers any.
    const after = scoresAtPosition(scores(3, 2, 4, 1), { x: 100, y: 50 })
    expect(after).toEqual({ benefit: 3, cost: 5, complexity: 5, time: 5 })
  })
})

describe('dependencies between actions', () => {
  it('refuse a dependency that closes a chain, and name the chain', () => {
    const deps = { a: ['b'], b: ['c'] }
    expect(dependencyCycle(deps, 'c', 'a')).toEqual(['c', 'a', 'b', 'c'])
    expect(dependencyCycle(deps, 'a', 'a')).toEqual(['a', 'a'])
    expect(dependencyCycle(deps, 'a', 'c')).toBeNull()
    expect(dependencyCycle(deps, 'd', 'a')).toBeNull()
  })

  it('find the actions caught in a cycle made by two people at once', () => {
    expect([...actionsInCycles({ a: ['b'], b: ['a'], c: ['a'] })].sort()).toEqual(['a', 'b'])
    expect(actionsInCycles({ a: ['b'], b: ['c'] }).size).toBe(0)
  })
})
