/**
 * A private rating round: each participant scores items on one or more scales (the culture
 * self-assessment: 1-5 per statement; the distinctiveness factors: where we are today and where
 * we want to be, 0-10). The server keeps ballots; only aggregates are published. Pure.
 */
export type RatingDefinition = {
  itemIds: readonly string[]
  axes: readonly string[]
  min: number
  max: number
}
export type RatingBallot = { scores: Readonly<Record<string, Readonly<Record<string, number>>>> }

export type RatingProblem =
  | { problem: 'unknown-item'; itemId: string }
  | { problem: 'missing-score'; itemId: string; axis: string }
  | { problem: 'out-of-range'; itemId: string; axis: string; min: number; max: number }

export function ratingProblems(definition: RatingDefinition, ballot: RatingBallot): RatingProblem[] {
  const problems: RatingProblem[] = []
  const known = new Set(definition.itemIds)
  for (const itemId of Object.keys(ballot.scores))
    if (!known.has(itemId)) problems.push({ problem: 'unknown-item', itemId })
  for (const itemId of definition.itemIds) {
    for (const axis of definition.axes) {
      const score = ballot.scores[itemId]?.[axis]
      if (score === undefined) problems.push({ problem: 'missing-score', itemId, axis })
      else if (!Number.isInteger(score) || score < definition.min || score > definition.max)
        problems.push({ problem: 'out-of-range', itemId, axis, min: definition.min, max: definition.max })
    }
  }
  return problems
}

export type AxisStats = { mean: number; spread: number; answers: number }
export type RatingResult = { itemId: string; axes: Record<string, AxisStats | null> }

const round2 = (n: number) => Math.round(n * 100) / 100

export function tallyRatings(definition: RatingDefinition, ballots: readonly RatingBallot[]): RatingResult[] {
  return definition.itemIds.map((itemId) => ({
    itemId,
    axes: Object.fromEntries(
      definition.axes.map((axis) => {
        const scores = ballots
          .map((b) => b.scores[itemId]?.[axis])
          .filter((s): s is number => typeof s === 'number')
        if (scores.length === 0) return [axis, null]
        const mean = scores.reduce((a, b) => a + b, 0) / scores.length
        const spread = Math.sqrt(scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length)
        return [axis, { mean: round2(mean), spread: round2(spread), answers: scores.length }]
      }),
    ),
  }))
}

/** Items by their mean on one axis, lowest first (ties: the larger spread first): where to start. */
export function weakestFirst(results: readonly RatingResult[], axis: string): string[] {
  return results
    .filter((r) => r.axes[axis])
    .sort((a, b) => a.axes[axis]!.mean - b.axes[axis]!.mean || b.axes[axis]!.spread - a.axes[axis]!.spread)
    .map((r) => r.itemId)
}

/** The mean of the item means per group (e.g. per culture area), for a radar chart. */
export function groupMeans(
  results: readonly RatingResult[],
  groupOf: (itemId: string) => string,
  axis: string,
): { group: string; mean: number | null }[] {
  const groups = new Map<string, number[]>()
  for (const r of results) {
    const group = groupOf(r.itemId)
    if (!groups.has(group)) groups.set(group, [])
    const stats = r.axes[axis]
    if (stats) groups.get(group)!.push(stats.mean)
  }
  return [...groups].map(([group, means]) => ({
    group,
    mean: means.length === 0 ? null : round2(means.reduce((a, b) => a + b, 0) / means.length),
  }))
}

export type PublishedRating = {
  id: string
  purpose: 'culture' | 'factors'
  status: 'open' | 'closed'
  items: { id: string; title: string; group: string }[]
  axes: string[]
  min: number
  max: number
  answered: number
  registered: number
  results: RatingResult[] | null
  /** Below this many answers a closed round publishes no aggregates (0: not anonymous). */
  minimumAnswers: number
}
