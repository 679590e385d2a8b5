/**
 * The materiality matrix of meeting 2: every macro intervention placed on two 0-100 axes
 * (by default relevance for customers, x, and relevance for the organisation, y). Pure: no Yjs.
 */
import type { PublishedSurvey } from './survey.ts'

export type MatrixPoint = { x: number; y: number }
export type Placed = MatrixPoint & { id: string }

export const MATRIX_MIN = 0
export const MATRIX_MAX = 100
export const DEFAULT_THRESHOLD = 50
/** How many priority areas the method asks for at most. */
export const PRIORITY_LIMIT = 3

/** Any number to a whole score on the axis: rounded, then clamped to 0-100. */
export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_THRESHOLD
  return Math.min(MATRIX_MAX, Math.max(MATRIX_MIN, Math.round(value)))
}

export function clampPoint(point: MatrixPoint): MatrixPoint {
  return { x: clampScore(point.x), y: clampScore(point.y) }
}

/**
 * The priority score: the product of both axes rescaled to 0-100 (x·y/100). A product rather
 * than a sum or a distance from the origin, because an item must matter on both axes: 90/10
 * scores 9, 50/50 scores 25, 80/80 scores 64.
 */
export function priorityScore(point: MatrixPoint): number {
  return Math.round((point.x * point.y) / MATRIX_MAX)
}

/** top-right = priority; high only for customers; high only for the organisation; low on both. */
export type Quadrant = 'priority' | 'customers' | 'organisation' | 'low'

/** A point on a threshold line counts as high (50 with the default threshold is high). */
export function quadrantOf(point: MatrixPoint, threshold: number): Quadrant {
  const highX = point.x >= threshold
  const highY = point.y >= threshold
  if (highX && highY) return 'priority'
  if (highX) return 'customers'
  if (highY) return 'organisation'
  return 'low'
}

export type Suggestion = {
  /** Ids in the order the facilitator should consider them, best first. */
  ids: string[]
  /** The last suggested places are tied with items beyond the limit: all tied ones are included. */
  tiedAtCut: boolean
}

/**
 * The matrix's suggestion of priority areas: the items in the top-right quadrant, best priority
 * score first (ties: higher relevance for customers first, then the order given), at most
 * `limit`, except that items tied with the last place are all included, so the facilitator
 * breaks the tie rather than the list order. No item above both thresholds suggests nothing.
 */
export function suggestPriorities(
  placed: readonly Placed[],
  threshold: number,
  limit = PRIORITY_LIMIT,
): Suggestion {
  const candidates = placed
    .map((item, order) => ({ ...item, order, score: priorityScore(item) }))
    .filter((item) => quadrantOf(item, threshold) === 'priority')
    .sort((a, b) => b.score - a.score || b.x - a.x || a.order - b.order)
  if (candidates.length <= limit) return { ids: candidates.map((c) => c.id), tiedAtCut: false }
  const cutScore = candidates[limit - 1]!.score
  const kept = candidates.filter((c, i) => i < limit || c.score === cutScore)
  return { ids: kept.map((c) => c.id), tiedAtCut: kept.length > limit }
}

/**
 * Positions on the customers axis from the quick survey's means. Ratings 1-5 map linearly to
 * 0-100 (1 → 0, 3 → 50, 5 → 100). Points are relative: the intervention with the highest mean
 * goes to 100 and the others in proportion, because the share of a points budget depends on
 * how many interventions share it. Interventions nobody scored are left out.
 */
export function customerAxisFromSurvey(
  survey: Pick<PublishedSurvey, 'question' | 'results'>,
): Record<string, number> {
  const positions: Record<string, number> = {}
  const results = survey.results?.results ?? []
  const means = results.filter((r) => r.mean !== null)
  if (survey.question.kind === 'rating') {
    for (const r of means) positions[r.interventionId] = clampScore(((r.mean! - 1) / 4) * MATRIX_MAX)
    return positions
  }
  const top = Math.max(0, ...means.map((r) => r.mean!))
  for (const r of means)
    positions[r.interventionId] = top === 0 ? 0 : clampScore((r.mean! / top) * MATRIX_MAX)
  return positions
}

/**
 * Places `count` cards around `centre` without stacking them: a small ring (and a second one
 * beyond seven), each card at least one dot apart, all on the board. The group then drags
 * them where they belong; on one point only the top card would show.
 */
export function spreadAround(centre: MatrixPoint, count: number): MatrixPoint[] {
  if (count === 1) return [centre]
  const points: MatrixPoint[] = []
  const perRing = 7
  for (let i = 0; i < count; i++) {
    const ring = Math.floor(i / perRing)
    const inRing = Math.min(perRing, count - ring * perRing)
    const angle = (2 * Math.PI * (i % perRing)) / inRing + ring * 0.45
    const radius = 9 + ring * 9
    points.push(
      clampPoint({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) }),
    )
  }
  return points
}
