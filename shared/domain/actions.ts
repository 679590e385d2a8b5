/**
 * Meeting 3's action cards on the benefit / constraint matrix. Pure: no Yjs.
 *
 * Scores are whole numbers 1-5: the expected CX benefit, and three constraints (cost,
 * complexity, time). The constraint score is the mean of the three, so each weighs the same;
 * it exists only when all three are scored.
 */
export const CONSTRAINTS = ['cost', 'complexity', 'time'] as const
export type Constraint = (typeof CONSTRAINTS)[number]
export type ConstraintScores = Record<Constraint, number>
export type ActionScores = { benefit: number | null } & Record<Constraint, number | null>

export const SCORE_MIN = 1
export const SCORE_MAX = 5
export const DEFAULT_ACTION_THRESHOLD = 3

export function clampActionScore(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_ACTION_THRESHOLD
  return Math.min(SCORE_MAX, Math.max(SCORE_MIN, Math.round(value)))
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** The exact mean of cost, complexity and time; null until all three are scored. */
function exactConstraint(scores: ActionScores): number | null {
  const values = CONSTRAINTS.map((c) => scores[c])
  if (values.some((v) => v === null)) return null
  return (values as number[]).reduce((a, b) => a + b, 0) / CONSTRAINTS.length
}

/** The mean of cost, complexity and time, to one decimal (for showing); null until all three are scored. */
export function constraintScore(scores: ActionScores): number | null {
  const exact = exactConstraint(scores)
  return exact === null ? null : round1(exact)
}

export type ActionQuadrant = 'quick-win' | 'investment' | 'minor' | 'deprioritise'
export const ACTION_QUADRANTS: readonly ActionQuadrant[] = [
  'quick-win',
  'investment',
  'minor',
  'deprioritise',
]

export type ActionThresholds = { benefit: number; constraint: number }

/**
 * High benefit and low constraint is a quick win; high and high an investment; low and low
 * minor; low benefit with high constraint is deprioritised. A score on a threshold counts as
 * high (as on the materiality matrix). Null until the card is fully scored.
 */
export function classifyAction(scores: ActionScores, thresholds: ActionThresholds): ActionQuadrant | null {
  // The exact mean, as the card is drawn: 2.67 shown as 2.7 is still under a 2.68 threshold.
  const constraint = exactConstraint(scores)
  if (scores.benefit === null || constraint === null) return null
  const highBenefit = scores.benefit >= thresholds.benefit
  const highConstraint = constraint >= thresholds.constraint
  if (highBenefit) return highConstraint ? 'investment' : 'quick-win'
  return highConstraint ? 'deprioritise' : 'minor'
}

export function countByQuadrant(
  quadrants: readonly (ActionQuadrant | null)[],
): Record<ActionQuadrant | 'unscored', number> {
  const counts = { 'quick-win': 0, investment: 0, minor: 0, deprioritise: 0, unscored: 0 }
  for (const q of quadrants) counts[q ?? 'unscored'] += 1
  return counts
}

/** A 1-5 score on the chart's 0-100 scale and back. */
export const scoreToPercent = (score: number) => ((score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)) * 100
export const percentToScore = (percent: number) =>
  SCORE_MIN + (Math.min(100, Math.max(0, percent)) / 100) * (SCORE_MAX - SCORE_MIN)

/** Where a scored card sits: x = constraint (right = harder), y = benefit (up = better). */
export function actionPosition(scores: ActionScores): { x: number; y: number } | null {
  const mean = exactConstraint(scores)
  if (scores.benefit === null || mean === null) return null
  return { x: scoreToPercent(mean), y: scoreToPercent(scores.benefit) }
}

/**
 * The three constraint scores whose mean is as close as possible to `target`, changed as little
 * as possible from `current`: raise the lowest (or lower the highest) one point at a time, in
 * the order cost, complexity, time on ties. Unscored constraints start at the rounded target.
 */
export function spreadConstraint(
  current: Partial<Record<Constraint, number | null>>,
  target: number,
): ConstraintScores {
  const scores = Object.fromEntries(
    CONSTRAINTS.map((c) => [c, clampActionScore(current[c] ?? target)]),
  ) as ConstraintScores
  const wanted = Math.round(Math.min(SCORE_MAX, Math.max(SCORE_MIN, target)) * CONSTRAINTS.length)
  let sum = CONSTRAINTS.reduce((a, c) => a + scores[c], 0)
  while (sum < wanted) {
    const lowest = CONSTRAINTS.filter((c) => scores[c] < SCORE_MAX).sort((a, b) => scores[a] - scores[b])[0]!
    scores[lowest] += 1
    sum += 1
  }
  while (sum > wanted) {
    const highest = CONSTRAINTS.filter((c) => scores[c] > SCORE_MIN).sort((a, b) => scores[b] - scores[a])[0]!
    scores[highest] -= 1
    sum -= 1
  }
  return scores
}

/** The scores a drop at (x, y) on the chart means for a card: benefit snaps to a whole score. */
export function scoresAtPosition(
  current: ActionScores,
  point: { x: number; y: number },
): { benefit: number } & ConstraintScores {
  return {
    benefit: clampActionScore(percentToScore(point.y)),
    ...spreadConstraint(current, percentToScore(point.x)),
  }
}

/** actionId → the actions it depends on. */
export type Dependencies = Readonly<Record<string, readonly string[]>>

/**
 * The chain that adding "`from` depends on `to`" would close into a cycle, as
 * [from, to, ..., from]; null when the dependency is safe. Depending on oneself is a cycle too.
 */
export function dependencyCycle(dependencies: Dependencies, from: string, to: string): string[] | null {
  if (from === to) return [from, from]
  // Is there already a path to → ... → from? Then from → to closes it.
  const seen = new Set<string>()
  const search = (node: string, path: string[]): string[] | null => {
    if (node === from) return path
    if (seen.has(node)) return null
    seen.add(node)
    for (const next of dependencies[node] ?? []) {
      const found = search(next, [...path, next])
      if (found) return found
    }
    return null
  }
  const path = search(to, [to])
  return path ? [from, ...path] : null
}

/**
 * Actions caught in a cycle anyway (two people adding opposite dependencies at the same moment
 * on two laptops): each is shown with a warning until someone removes a link.
 */
export function actionsInCycles(dependencies: Dependencies): Set<string> {
  const inCycle = new Set<string>()
  for (const [from, targets] of Object.entries(dependencies)) {
    for (const to of targets) {
      const rest = Object.fromEntries(
        Object.entries(dependencies).map(([id, deps]) => [
          id,
          id === from ? deps.filter((d) => d !== to) : deps,
        ]),
      )
      const cycle = dependencyCycle(rest, from, to)
      if (cycle) for (const id of cycle) inCycle.add(id)
    }
  }
  return inCycle
}
