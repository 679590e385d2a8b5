import type { Ballot, BallotProblem, SurveyQuestion } from '../../../shared/domain/survey.ts'
import { ApiError, apiErrorOf } from './api.ts'

/** A refused ballot, with the server's list of what is wrong. */
export class BallotRefused extends ApiError {
  constructor(
    status: number,
    message: string,
    readonly problems: BallotProblem[],
  ) {
    super(status, message)
  }
}

/** A JSON call on one workshop's API with its key (and the participant's token when given). */
export async function workshopCall<T>(
  workshopId: string,
  path: string,
  key: string,
  init: RequestInit = {},
  token?: string | null,
) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Bearer ${key}`,
  }
  if (token) headers['x-participant-token'] = token
  const response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}${path}`, {
    ...init,
    headers,
  })
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    const { error, problems } = body as { error?: string; problems?: BallotProblem[] }
    if (problems) throw new BallotRefused(response.status, error ?? '', problems)
    throw await apiErrorOf(response, body)
  }
  return body as T
}

export type NewSurvey = {
  interventionIds: string[]
  question: { kind: 'rating' } | Extract<SurveyQuestion, { kind: 'points' }>
  anonymous: boolean
  hideParticipation: boolean
  allowComments: boolean
  closesAt: number | null
}

export const surveyApi = {
  create: (workshopId: string, key: string, survey: NewSurvey) =>
    workshopCall<{ id: string }>(workshopId, '/surveys', key, {
      method: 'POST',
      body: JSON.stringify(survey),
    }),
  setOpen: (workshopId: string, key: string, surveyId: string, open: boolean) =>
    workshopCall(workshopId, `/surveys/${surveyId}/${open ? 'reopen' : 'close'}`, key, { method: 'POST' }),
  participation: (workshopId: string, key: string, surveyId: string) =>
    workshopCall<{ answered: string[]; pending: string[] }>(
      workshopId,
      `/surveys/${surveyId}/participation`,
      key,
    ),
  myBallot: (workshopId: string, key: string, surveyId: string, token: string) =>
    workshopCall<{ ballot: Ballot | null }>(workshopId, `/surveys/${surveyId}/ballot`, key, {}, token),
  answer: (workshopId: string, key: string, surveyId: string, token: string, ballot: Ballot) =>
    workshopCall(
      workshopId,
      `/surveys/${surveyId}/ballot`,
      key,
      { method: 'PUT', body: JSON.stringify(ballot) },
      token,
    ),
}
