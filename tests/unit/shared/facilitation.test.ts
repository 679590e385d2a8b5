import { describe, expect, it } from 'vitest'
import { dotBallotProblems, tallyDots } from '../../../shared/domain/dot-vote.ts'
import {
  applyTimerAction,
  formatRemaining,
  MAX_TIMER_MS,
  remainingMs,
  STOPPED,
} from '../../../shared/domain/timer.ts'

describe('the room timer', () => {
  it('never shows more time left than it was set for, on a screen whose clock estimate lags', () => {
    const state = applyTimerAction(STOPPED, { action: 'start', durationMs: 5 * 60_000 }, 1_000)
    expect(remainingMs(state, 1_000 - 40)).toBe(5 * 60_000)
    expect(formatRemaining(remainingMs(state, 1_000 - 40)!)).toBe('5:00')
  })

  it('counts down from a server-stamped end, pauses, resumes, takes a minute more, stops', () => {
    let state = applyTimerAction(STOPPED, { action: 'start', durationMs: 5 * 60_000 }, 1_000)
    expect(remainingMs(state, 61_000)).toBe(4 * 60_000)
    state = applyTimerAction(state, { action: 'pause' }, 61_000)
    expect(remainingMs(state, 999_999)).toBe(4 * 60_000)
    state = applyTimerAction(state, { action: 'resume' }, 100_000)
    expect(remainingMs(state, 100_000)).toBe(4 * 60_000)
    state = applyTimerAction(state, { action: 'add', ms: 60_000 }, 100_000)
    expect(remainingMs(state, 100_000)).toBe(5 * 60_000)
    expect(remainingMs(state, 10_000_000)).toBe(0)
    expect(applyTimerAction(state, { action: 'stop' }, 0)).toEqual(STOPPED)
    expect(applyTimerAction(STOPPED, { action: 'pause' }, 0)).toEqual(STOPPED)
  })

  it('never runs longer than two hours, and shows minutes and seconds', () => {
    const long = applyTimerAction(STOPPED, { action: 'start', durationMs: 5 * 60 * 60_000 }, 0)
    expect(remainingMs(long, 0)).toBe(MAX_TIMER_MS)
    expect(remainingMs(applyTimerAction(long, { action: 'add', ms: 60_000 }, 0), 0)).toBe(MAX_TIMER_MS)
    expect([
      formatRemaining(307_000),
      formatRemaining(306_100),
      formatRemaining(0),
      formatRemaining(3_723_000),
    ]).toEqual(['5:07', '5:07', '0:00', '1:02:03'])
  })
})

describe('dot voting', () => {
  const rules = { itemIds: ['a', 'b', 'c'], votesPerPerson: 3, maxPerItem: 2 }

  it('refuses more dots than a person has, more than allowed on one card, unknown cards', () => {
    expect(dotBallotProblems(rules, { votes: { a: 2, b: 1 } })).toEqual([])
    expect(dotBallotProblems(rules, { votes: { a: 2, b: 2 } })).toEqual([
      { problem: 'too-many-dots', max: 3, used: 4 },
    ])
    expect(dotBallotProblems(rules, { votes: { a: 3, x: 1, b: 0.5 } })).toEqual([
      { problem: 'too-many-on-item', itemId: 'a', max: 2 },
      { problem: 'unknown-item', itemId: 'x' },
      { problem: 'not-a-count', itemId: 'b' },
    ])
  })

  it('ranks by dots with ties, and names voters only in a named vote', () => {
    const ballots = [
      { name: 'Marco', ballot: { votes: { a: 1, b: 2 } } },
      { name: 'Anna', ballot: { votes: { b: 1, c: 2 } } },
    ]
    expect(tallyDots(['a', 'b', 'c'], ballots, true)).toEqual([
      { itemId: 'b', votes: 3, rank: 1, voters: ['Anna', 'Marco'] },
      { itemId: 'c', votes: 2, rank: 2, voters: ['Anna'] },
      { itemId: 'a', votes: 1, rank: 3, voters: ['Marco'] },
    ])
    expect(tallyDots(['a', 'b'], [{ name: 'X', ballot: { votes: { a: 1, b: 1 } } }], false)).toEqual([
      { itemId: 'a', votes: 1, rank: 1, voters: null },
      { itemId: 'b', votes: 1, rank: 1, voters: null },
    ])
  })
})
