/**
 * The quick survey between meetings 1 and 2: ballot rules and the tally. Pure: no Yjs. The
 * server validates every ballot with `ballotProblems` and publishes only `tallySurvey`'s
 * aggregates, never individual anonymous ballots.
 */
export type SurveyQuestion =
  | { kind: 'rating'; min: 1; max: 5 }
  /** Distribute exactly `points` across the interventions. */
  | { kind: 'points'; points: number }

export type SurveyDefinition = { interventionIds: readonly string[]; question: SurveyQuestion }

export type Ballot = {
  scores: Readonly<Record<string, number>>
  comments?: Readonly<Record<string, string>> | undefined
}

export type BallotProblem =
  | { problem: 'unknown-intervention'; interventionId: string }
  | { problem: 'missing-score'; interventionId: string }
  | { problem: 'not-an-integer'; interventionId: string }
  | { problem: 'out-of-range'; interventionId: string; min: number; max: number }
  | { problem: 'points-do-not-add-up'; expected: number; actual: number }
  | { problem: 'comment-too-long'; interventionId: string; max: number }

export const MAX_COMMENT_LENGTH = 1000

/** Everything wrong with a ballot; an empty list means it may be stored. */
export function ballotProblems(survey: SurveyDefinition, ballot: Ballot): BallotProblem[] {
  const problems: BallotProblem[] = []
  const known = new Set(survey.interventionIds)
  for (const id of Object.keys(ballot.scores)) {
    if (!known.has(id)) problems.push({ problem: 'unknown-intervention', interventionId: id })
  }
  for (const id of Object.keys(ballot.comments ?? {})) {
    if (!known.has(id)) problems.push({ problem: 'unknown-intervention', interventionId: id })
    else if ((ballot.comments?.[id] ?? '').length > MAX_COMMENT_LENGTH) {
      problems.push({ problem: 'comment-too-long', interventionId: id, max: MAX_COMMENT_LENGTH })
    }
  }
  const [min, max] = survey.question.kind === 'rating' ? [1, 5] : [0, survey.question.points]
  let total = 0
  for (const id of survey.interventionIds) {
    const score = ballot.scores[id]
    if (score === undefined) {
      if (survey.question.kind === 'rating') problems.push({ problem: 'missing-score', interventionId: id })
      continue
    }
    if (!Number.isInteger(score)) problems.push({ problem: 'not-an-integer', interventionId: id })
    else if (score < min || score > max)
      problems.push({ problem: 'out-of-range', interventionId: id, min, max })
    else total += score
  }
  if (survey.question.kind === 'points' && problems.length === 0 && total !== survey.question.points) {
    problems.push({ problem: 'points-do-not-add-up', expected: survey.question.points, actual: total })
  }
  return problems
}

export type InterventionResult = {
  interventionId: string
  answers: number
  mean: number | null
  /** Standard deviation of the scores: the larger, the more the group disagrees. */
  spread: number | null
  /** Competition ranking by mean (1, 2, 2, 4); null without answers. */
  rank: number | null
  tied: boolean
  /** Rating: answers per score 1..5. Points: answers per fifth of the points (0-20%, ..., 80-100%). */
  distribution: number[]
}

export type SurveyResults = {
  ballots: number
  results: InterventionResult[]
  /** Intervention ids, the group's largest disagreement first: where the debrief starts. */
  disagreementOrder: string[]
}

const round2 = (n: number) => Math.round(n * 100) / 100

function bucketOf(question: SurveyQuestion, score: number): number {
  if (question.kind === 'rating') return score - 1
  if (question.points === 0) return 0
  return Math.min(4, Math.floor((score / question.points) * 5))
}

/**
 * @example tallySurvey({ interventionIds: ['a'], question: { kind: 'rating', min: 1, max: 5 } }, [{ scores: { a: 4 } }])
 */
export function tallySurvey(survey: SurveyDefinition, ballots: readonly Ballot[]): SurveyResults {
  // In a points survey every stored ballot distributed all its points: an intervention left
  // untouched got 0 of them, which is an answer, not a missing one.
  const scoreOf =
    survey.question.kind === 'points'
      ? (ballot: Ballot, id: string) => ballot.scores[id] ?? 0
      : (ballot: Ballot, id: string) => ballot.scores[id]
  const exactMeans = new Map<string, number>()
  const results: InterventionResult[] = survey.interventionIds.map((id) => {
    const scores = ballots.map((b) => scoreOf(b, id)).filter((s): s is number => typeof s === 'number')
    const distribution = new Array<number>(5).fill(0)
    for (const score of scores) distribution[bucketOf(survey.question, score)]! += 1
    if (scores.length === 0) {
      return {
        interventionId: id,
        answers: 0,
        mean: null,
        spread: null,
        rank: null,
        tied: false,
        distribution,
      }
    }
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length
    const variance = scores.reduce((a, s) => a + (s - mean) ** 2, 0) / scores.length
    exactMeans.set(id, mean)
    return {
      interventionId: id,
      answers: scores.length,
      mean: round2(mean),
      spread: round2(Math.sqrt(variance)),
      rank: null,
      tied: false,
      distribution,
    }
  })
  // Ranks and ties come from the exact means: 3.334 and 3.336 both show as 3.33 but are not tied.
  const exact = (r: InterventionResult) => exactMeans.get(r.interventionId)!
  const same = (a: number, b: number) => Math.abs(a - b) < 1e-9
  const ranked = results.filter((r) => r.mean !== null).sort((a, b) => exact(b) - exact(a))
  ranked.forEach((result) => {
    const first = ranked.findIndex((other) => same(exact(other), exact(result)))
    result.rank = first + 1
    result.tied = ranked.filter((other) => same(exact(other), exact(result))).length > 1
  })
  const disagreementOrder = results
    .filter((r) => r.spread !== null)
    .sort((a, b) => b.spread! - a.spread! || (a.rank ?? 0) - (b.rank ?? 0))
    .map((r) => r.interventionId)
  return { ballots: ballots.length, results, disagreementOrder }
}

/** How the facilitator set the survey up. */
export type SurveyOptions = {
  anonymous: boolean
  /** Hide even from the facilitator who has and has not answered. */
  hideParticipation: boolean
  allowComments: boolean
  closesAt: number | null
}

export type SurveyComment = { interventionId: string; text: string; author: string | null }

/**
 * What the server publishes into the control document: the survey, live participation counts,
 * and on close the aggregated results. Never an individual ballot.
 */
export type PublishedSurvey = SurveyOptions & {
  id: string
  status: 'open' | 'closed'
  question: SurveyQuestion
  interventions: { id: string; title: string }[]
  answered: number
  registered: number
  results: SurveyResults | null
  comments: SurveyComment[]
  /** Below this many answers a closed anonymous survey publishes no results or comments (0: named). */
  minimumAnswers: number
}
