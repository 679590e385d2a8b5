/**
 * What keeps anonymous answers anonymous once aggregated: no aggregate below a minimum number
 * of answers (a mean of one answer is that answer), and comments in a uniformly random order.
 */
export const DEFAULT_MINIMUM_ANSWERS = 3

/** Whether a closed round's aggregates stay unpublished: too few answers to hide anyone in. */
export const resultsWithheld = (answered: number, minimumAnswers: number): boolean =>
  answered < minimumAnswers

/**
 * A uniformly random permutation (Fisher-Yates); `randomBelow(n)` answers an integer in [0, n).
 * Sorting with a random comparator is biased towards the original (answer) order.
 */
export function shuffled<T>(items: readonly T[], randomBelow: (n: number) => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1)
    ;[out[i], out[j]] = [out[j]!, out[i]!]
  }
  return out
}
