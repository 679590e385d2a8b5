import { describe, expect, it } from 'vitest'
import { resultsWithheld, shuffled } from '../../../shared/domain/anonymity.ts'

/** A seeded generator, so the figures below are the same on every run. */
function seeded(seed: number) {
  let state = seed >>> 0
  return (n: number) => {
    state = (state * 1664525 + 1013904223) >>> 0
    return Math.floor((state / 2 ** 32) * n)
  }
}

describe('anonymity', () => {
  it('withholds aggregates below the minimum of answers', () => {
    expect(resultsWithheld(2, 3)).toBe(true)
    expect(resultsWithheld(3, 3)).toBe(false)
    expect(resultsWithheld(0, 0)).toBe(false)
  })

  it('shuffles into every order equally often (a random comparator in sort does not)', () => {
    const counts = new Map<string, number>()
    const random = seeded(6)
    for (let i = 0; i < 60_000; i++) {
      const order = shuffled(['a', 'b', 'c'], random).join('')
      counts.set(order, (counts.get(order) ?? 0) + 1)
    }
    expect(counts.size).toBe(6)
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(400)
    // The answer order stays first no more often than any other.
    expect(counts.get('abc')!).toBeLessThan(10_400)
  })

  it('keeps every item and leaves the input alone', () => {
    const input = [1, 2, 3, 4, 5]
    const out = shuffled(input, seeded(1))
    expect([...out].sort()).toEqual(input)
    expect(input).toEqual([1, 2, 3, 4, 5])
  })
})
