/**
 * Net Promoter Score and Customer Effort Score, from counts or raw scores. Pure: no Yjs.
 * NPS = % promoters (9-10) minus % detractors (0-6), on a -100..100 scale.
 */
export type NpsCounts = { promoters: number; passives: number; detractors: number }
export type NpsResult = { nps: number; n: number; smallSample: boolean } & NpsCounts
export type CesResult = { mean: number; n: number; smallSample: boolean }

/** Below this many answers a figure is shown with a warning. */
export const SMALL_SAMPLE = 30

/** CES answers run from 1 (very easy) to 7 (very hard) in this tool. */
export const CES_MIN = 1
export const CES_MAX = 7

/**
 * @example computeNps({ promoters: 50, passives: 30, detractors: 20 }) // { nps: 30, n: 100, ... }
 * Returns undefined when there are no answers.
 */
export function computeNps(counts: NpsCounts): NpsResult | undefined {
  const n = counts.promoters + counts.passives + counts.detractors
  if (n === 0) return undefined
  const nps = Math.round(((counts.promoters - counts.detractors) / n) * 1000) / 10
  return { ...counts, nps, n, smallSample: n < SMALL_SAMPLE }
}

/** Counts from raw 0-10 scores. Scores must already be validated (see parseScores). */
export function npsCountsFromScores(scores: readonly number[]): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 }
  for (const score of scores) {
    if (score >= 9) counts.promoters++
    else if (score >= 7) counts.passives++
    else counts.detractors++
  }
  return counts
}

/** CES counts are kept as a distribution: index 0 holds the number of 1s, index 6 the 7s. */
export function cesCountsFromScores(scores: readonly number[]): number[] {
  const counts = new Array<number>(CES_MAX - CES_MIN + 1).fill(0)
  for (const score of scores) counts[score - CES_MIN]! += 1
  return counts
}

export function computeCes(counts: readonly number[]): CesResult | undefined {
  let n = 0
  let sum = 0
  counts.forEach((count, i) => {
    n += count
    sum += count * (i + CES_MIN)
  })
  if (n === 0) return undefined
  return { mean: Math.round((sum / n) * 100) / 100, n, smallSample: n < SMALL_SAMPLE }
}

/** A colour band for a stage strip: how worried the group should be about this NPS. */
export type NpsBand = 'critical' | 'weak' | 'fair' | 'good'

export function npsBand(nps: number): NpsBand {
  if (nps < 0) return 'critical'
  if (nps < 20) return 'weak'
  if (nps < 50) return 'fair'
  return 'good'
}
