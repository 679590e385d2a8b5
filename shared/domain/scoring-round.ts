/**
 * The silent scoring round of meeting 2: each participant privately scores every intervention
 * 1-5 on both axes of the materiality matrix; the server keeps the ballots and publishes only
 * the averages and spreads. Pure: no Yjs. Reuses the survey's rating rules axis by axis.
 */
import { type BallotProblem, ballotProblems, type SurveyDefinition, tallySurvey } from './survey.ts'

export type Axis = 'x' | 'y'
export const AXES: readonly Axis[] = ['x', 'y']

/** interventionId → the two scores, each 1-5. */
export type ScoringBallot = { scores: Readonly<Record<string, Readonly<Record<Axis, number>>>> }

export type ScoringProblem = BallotProblem & { axis: Axis }

const ratingOn = (interventionIds: readonly string[]): SurveyDefinition => ({
  interventionIds,
  question: { kind: 'rating', min: 1, max: 5 },
})

const axisScores = (ballot: ScoringBallot, axis: Axis) =>
  Object.fromEntries(Object.entries(ballot.scores).map(([id, pair]) => [id, pair[axis]]))

export function scoringBallotProblems(
  interventionIds: readonly string[],
  ballot: ScoringBallot,
): ScoringProblem[] {
  return AXES.flatMap((axis) =>
    ballotProblems(ratingOn(interventionIds), { scores: axisScores(ballot, axis) }).map((p) => ({
      ...p,
      axis,
    })),
  )
}

/** A 1-5 score (or mean) on the matrix's 0-100 scale: 1 → 0, 3 → 50, 5 → 100. */
export const ratingToMatrix = (score: number) => Math.round((score - 1) * 25 * 10) / 10

export type ScoringResult = {
  interventionId: string
  answers: number
  /** The average position on the matrix (0-100); null when nobody scored it. */
  x: number | null
  y: number | null
  /** Standard deviations on the matrix scale: the arms of the cross drawn around the dot. */
  spreadX: number | null
  spreadY: number | null
  /** sqrt(spreadX² + spreadY²): how much the group disagrees about this item overall. */
  disagreement: number | null
}

export type ScoringResults = { ballots: number; results: ScoringResult[]; disagreementOrder: string[] }

export function tallyScoringRound(
  interventionIds: readonly string[],
  ballots: readonly ScoringBallot[],
): ScoringResults {
  const [xs, ys] = AXES.map(
    (axis) =>
      tallySurvey(
        ratingOn(interventionIds),
        ballots.map((b) => ({ scores: axisScores(b, axis) })),
      ).results,
  ) as [ReturnType<typeof tallySurvey>['results'], ReturnType<typeof tallySurvey>['results']]
  const results = interventionIds.map((interventionId, i): ScoringResult => {
    const x = xs[i]!
    const y = ys[i]!
    if (x.mean === null || y.mean === null) {
      return {
        interventionId,
        answers: 0,
        x: null,
        y: null,
        spreadX: null,
        spreadY: null,
        disagreement: null,
      }
    }
    const spreadX = ratingToMatrix(1 + x.spread!)
    const spreadY = ratingToMatrix(1 + y.spread!)
    return {
      interventionId,
      answers: x.answers,
      x: ratingToMatrix(x.mean),
      y: ratingToMatrix(y.mean),
      spreadX,
      spreadY,
      disagreement: Math.round(Math.hypot(spreadX, spreadY) * 10) / 10,
    }
  })
  const disagreementOrder = results
    .filter((r) => r.disagreement !== null)
    .sort((a, b) => b.disagreement! - a.disagreement!)
    .map((r) => r.interventionId)
  return { ballots: ballots.length, results, disagreementOrder }
}

/** What the server publishes into the control document: counts while open, averages once revealed. */
export type PublishedScoringRound = {
  id: string
  status: 'open' | 'revealed'
  interventions: { id: string; title: string }[]
  answered: number
  registered: number
  results: ScoringResults | null
  /** Below this many answers a closed round publishes no aggregates (0: not anonymous). */
  minimumAnswers: number
}
