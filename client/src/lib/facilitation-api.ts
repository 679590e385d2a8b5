import type { DotBallot, VoteTarget } from '../../../shared/domain/dot-vote.ts'
import type { TimerAction } from '../../../shared/domain/timer.ts'
import { workshopCall } from './survey-api.ts'

/** The facilitator's timer and dot votes (see server/timer.ts, server/dot-votes.ts). */
export const facilitationApi = {
  timer: (workshopId: string, key: string, action: TimerAction) =>
    workshopCall(workshopId, '/timer', key, { method: 'POST', body: JSON.stringify(action) }),
  startVote: (
    workshopId: string,
    key: string,
    vote: { target: VoteTarget; votesPerPerson: number; maxPerItem: number; anonymous: boolean },
  ) =>
    workshopCall<{ id: string }>(workshopId, '/votes', key, { method: 'POST', body: JSON.stringify(vote) }),
  revealVote: (workshopId: string, key: string, voteId: string) =>
    workshopCall(workshopId, `/votes/${voteId}/reveal`, key, { method: 'POST' }),
  myVote: (workshopId: string, key: string, voteId: string, token: string) =>
    workshopCall<{ ballot: DotBallot | null }>(workshopId, `/votes/${voteId}/ballot`, key, {}, token),
  vote: (workshopId: string, key: string, voteId: string, token: string, ballot: DotBallot) =>
    workshopCall(
      workshopId,
      `/votes/${voteId}/ballot`,
      key,
      { method: 'PUT', body: JSON.stringify(ballot) },
      token,
    ),
  participation: (workshopId: string, key: string, path: string) =>
    workshopCall<{ answered: string[]; pending: string[] }>(workshopId, path, key),
  participants: (workshopId: string, key: string) =>
    workshopCall<{ participants: { id: string; name: string; unitId: string | null }[] }>(
      workshopId,
      '/participants',
      key,
    ),
}
