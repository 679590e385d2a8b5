import type { ScoringBallot } from '../../../shared/domain/scoring-round.ts'
import { workshopCall } from './survey-api.ts'

/** Meeting 2's silent scoring round (see server/scoring-rounds.ts). */
export const scoringApi = {
  start: (workshopId: string, key: string) =>
    workshopCall<{ id: string }>(workshopId, '/scoring-rounds', key, { method: 'POST', body: '{}' }),
  reveal: (workshopId: string, key: string, roundId: string) =>
    workshopCall(workshopId, `/scoring-rounds/${roundId}/reveal`, key, { method: 'POST' }),
  participation: (workshopId: string, key: string, roundId: string) =>
    workshopCall<{ answered: string[]; pending: string[] }>(
      workshopId,
      `/scoring-rounds/${roundId}/participation`,
      key,
    ),
  myBallot: (workshopId: string, key: string, roundId: string, token: string) =>
    workshopCall<{ ballot: ScoringBallot | null }>(
      workshopId,
      `/scoring-rounds/${roundId}/ballot`,
      key,
      {},
      token,
    ),
  score: (workshopId: string, key: string, roundId: string, token: string, ballot: ScoringBallot) =>
    workshopCall(
      workshopId,
      `/scoring-rounds/${roundId}/ballot`,
      key,
      { method: 'PUT', body: JSON.stringify(ballot) },
      token,
    ),
}
