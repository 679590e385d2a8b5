import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { resultsWithheld } from '../../shared/domain/anonymity.ts'
import {
  type DotBallot,
  dotBallotProblems,
  type PublishedVote,
  tallyDots,
  VOTE_TARGETS,
  type VoteTarget,
} from '../../shared/domain/dot-vote.ts'
import { roomName } from '../../shared/rooms.ts'
import { controlMap } from '../../shared/schema/control.ts'
import { readGoldenRules } from '../../shared/schema/golden-rules.ts'
import { readInterventions } from '../../shared/schema/interventions.ts'
import { readPains } from '../../shared/schema/journey.ts'
import { readFactors } from '../../shared/schema/vision.ts'
import { type HttpContext, HttpError, inTurn, parseBody, readJsonBody, sendJson } from '../http/common.ts'
import type { SurveyRecord } from '../persistence/store.ts'
import { closeOpenRounds, findRound, ownBallot, participation, roundAccess } from './rounds-common.ts'

type StoredVote = {
  target: VoteTarget
  items: { id: string; title: string }[]
  votesPerPerson: number
  maxPerItem: number
  anonymous: boolean
}

export const CreateVoteBody = z.object({
  target: z.enum(VOTE_TARGETS),
  votesPerPerson: z.number().int().min(1).max(20),
  maxPerItem: z.number().int().min(1).max(20),
  anonymous: z.boolean(),
  replaceOpen: z.boolean().optional(),
})
export const DotBallotBody = z.object({ votes: z.record(z.string(), z.number()) })

/** The cards a vote can be on, as they are on the board when the vote starts. */
function itemsOf(ctx: HttpContext, workshopId: string, target: VoteTarget) {
  return ctx.rooms.read(roomName(workshopId, 'content'), 'content', (doc) => {
    if (target === 'pains')
      return readPains(doc)
        .filter((p) => p.inScope)
        .map((p) => ({ id: p.id, title: p.text }))
    if (target === 'interventions') return readInterventions(doc).map((i) => ({ id: i.id, title: i.title }))
    if (target === 'factors') return readFactors(doc).map((f) => ({ id: f.id, title: f.name }))
    return readGoldenRules(doc).map((r) => ({ id: r.id, title: r.text }))
  })
}

/**
 * Dot voting: the facilitator starts a vote on a set of cards; participants place their dots
 * (ballots in SQLite, replaced until the reveal); the control document gets only the count of
 * who has voted until the facilitator reveals the tally.
 */
export async function dotVotesRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  voteId: string | undefined,
  action: string | undefined,
): Promise<void> {
  const method = req.method ?? 'GET'
  const { role, facilitatorOnly } = await roundAccess(
    ctx,
    req,
    url,
    workshopId,
    'only the facilitator runs a vote',
  )
  if (!voteId) {
    if (method !== 'POST') throw new HttpError(405, 'use POST to start a vote')
    facilitatorOnly()
    const body = parseBody(CreateVoteBody, await readJsonBody(req))
    if (body.maxPerItem > body.votesPerPerson) throw new HttpError(400, 'maxPerItem: at most votesPerPerson')
    const items = await itemsOf(ctx, workshopId, body.target)
    if (items.length === 0) throw new HttpError(400, 'there are no cards of that kind to vote on')
    return inTurn(ctx, workshopId, async () => {
      await closeOpenRounds(ctx, workshopId, 'dots', body.replaceOpen, 'vote')
      const record: SurveyRecord = {
        id: randomUUID(),
        workshopId,
        kind: 'dots',
        definition: JSON.stringify({
          target: body.target,
          votesPerPerson: body.votesPerPerson,
          maxPerItem: body.maxPerItem,
          anonymous: body.anonymous,
          items,
        } satisfies StoredVote),
        status: 'open',
        createdAt: Date.now(),
      }
      await ctx.store.createSurvey(record)
      await publish(ctx, record)
      return sendJson(res, 201, { id: record.id })
    })
  }
  const record = await findRound(ctx, workshopId, voteId, 'dots', 'vote')
  const vote = JSON.parse(record.definition) as StoredVote
  if (action === 'reveal') {
    if (method !== 'POST') throw new HttpError(405, 'use POST to reveal the vote')
    facilitatorOnly()
    return inTurn(ctx, workshopId, async () => {
      const current = await findRound(ctx, workshopId, voteId, 'dots', 'vote')
      if (current.status !== 'open') throw new HttpError(409, 'this vote is already revealed')
      await ctx.store.setSurveyStatus(current.id, 'closed')
      await publish(ctx, { ...current, status: 'closed' })
      void ctx.webhooks.notify(workshopId, 'round.revealed', { kind: 'dot-vote', roundId: current.id })
      return sendJson(res, 200, { status: 'revealed' })
    })
  }
  if (action === 'participation') {
    facilitatorOnly()
    return sendJson(res, 200, await participation(ctx, record))
  }
  if (action === 'ballot') {
    if (role !== 'participant') throw new HttpError(403, 'only participants vote')
    return ownBallot(
      ctx,
      req,
      res,
      record,
      DotBallotBody,
      (ballot: DotBallot) => dotBallotProblems({ ...vote, itemIds: vote.items.map((i) => i.id) }, ballot),
      (current) => publish(ctx, current),
    )
  }
  throw new HttpError(404, 'no such API endpoint')
}

/** Runs in turn (see inTurn), as every publication does. */
export async function republishOpenVotes(ctx: HttpContext, workshopId: string): Promise<void> {
  for (const record of await ctx.store.listSurveys(workshopId, 'dots'))
    if (record.status === 'open') await publish(ctx, record)
}

async function publish(ctx: HttpContext, record: SurveyRecord): Promise<void> {
  const vote = JSON.parse(record.definition) as StoredVote
  const ballots = await ctx.store.listBallots(record.id)
  const people = new Map((await ctx.store.listParticipants(record.workshopId)).map((p) => [p.id, p.name]))
  const revealed = record.status === 'closed'
  const minimumAnswers = vote.anonymous ? ctx.config.minAnonymousAnswers : 0
  const published: PublishedVote = {
    id: record.id,
    status: revealed ? 'revealed' : 'open',
    target: vote.target,
    items: vote.items,
    votesPerPerson: vote.votesPerPerson,
    maxPerItem: vote.maxPerItem,
    anonymous: vote.anonymous,
    answered: ballots.length,
    registered: people.size,
    minimumAnswers,
    results:
      revealed && !resultsWithheld(ballots.length, minimumAnswers)
        ? tallyDots(
            vote.items.map((i) => i.id),
            ballots.map((b) => ({
              ballot: JSON.parse(b.ballot) as DotBallot,
              name: people.get(b.participantId) ?? '',
            })),
            !vote.anonymous,
          )
        : null,
  }
  await ctx.rooms.applyServerChange(roomName(record.workshopId, 'control'), 'control', (doc) =>
    controlMap(doc).set('vote', published),
  )
}
