import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import { resultsWithheld } from '../../shared/domain/anonymity.ts'
import {
  type PublishedScoringRound,
  type ScoringBallot,
  scoringBallotProblems,
  tallyScoringRound,
} from '../../shared/domain/scoring-round.ts'
import { roomName } from '../../shared/rooms.ts'
import { publishScoringRound } from '../../shared/schema/control.ts'
import { readInterventions } from '../../shared/schema/interventions.ts'
import { setMatrixPositions } from '../../shared/schema/materiality.ts'
import { type HttpContext, HttpError, inTurn, parseBody, readJsonBody, sendJson } from '../http/common.ts'
import type { SurveyRecord } from '../persistence/store.ts'
import { closeOpenRounds, findRound, ownBallot, participation, roundAccess } from './rounds-common.ts'

type StoredRound = { interventionIds: string[]; titles: Record<string, string> }

export const CreateRoundBody = z.object({
  interventionIds: z.array(z.string().min(1)).min(1, 'choose at least one intervention').max(50).optional(),
  replaceOpen: z.boolean().optional(),
})

const Pair = z.object({ x: z.number(), y: z.number() })
export const RoundBallotBody = z.object({ scores: z.record(z.string(), Pair) })

/**
 * Meeting 2's silent scoring round. Like the survey, ballots arrive over HTTP with the
 * participant's token and stay in SQLite; the control document gets counts while it is open
 * and, on reveal, the averages and spreads. Revealing also places every scored intervention
 * at its average on the materiality matrix, in the same moment for everyone.
 */
export async function scoringRoundsRoute(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  workshopId: string,
  roundId: string | undefined,
  action: string | undefined,
): Promise<void> {
  const method = req.method ?? 'GET'
  const { role, facilitatorOnly } = await roundAccess(
    ctx,
    req,
    url,
    workshopId,
    'only the facilitator runs the scoring round',
  )

  if (!roundId) {
    if (method !== 'POST') throw new HttpError(405, 'use POST to start a scoring round')
    facilitatorOnly()
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0
    const body = parseBody(CreateRoundBody, hasBody ? await readJsonBody(req) : {})
    const interventions = await ctx.rooms.read(roomName(workshopId, 'content'), 'content', readInterventions)
    const titles = Object.fromEntries(interventions.map((i) => [i.id, i.title]))
    const interventionIds = body.interventionIds ?? interventions.map((i) => i.id)
    if (interventionIds.length === 0) throw new HttpError(400, 'there are no macro interventions to score')
    const unknown = interventionIds.filter((id) => !(id in titles))
    if (unknown.length > 0) throw new HttpError(400, `unknown interventions: ${unknown.join(', ')}`)
    // One round at a time: another still open is closed only when the facilitator says so.
    return inTurn(ctx, workshopId, async () => {
      await closeOpenRounds(ctx, workshopId, 'scoring', body.replaceOpen, 'scoring round')
      const record: SurveyRecord = {
        id: randomUUID(),
        workshopId,
        kind: 'scoring',
        definition: JSON.stringify({ interventionIds, titles } satisfies StoredRound),
        status: 'open',
        createdAt: Date.now(),
      }
      await ctx.store.createSurvey(record)
      await publish(ctx, record)
      return sendJson(res, 201, { id: record.id })
    })
  }

  const record = await findRound(ctx, workshopId, roundId, 'scoring', 'scoring round')
  const round = JSON.parse(record.definition) as StoredRound

  if (action === 'reveal') {
    if (method !== 'POST') throw new HttpError(405, 'use POST to reveal the scoring round')
    facilitatorOnly()
    return inTurn(ctx, workshopId, async () => {
      const current = await findRound(ctx, workshopId, roundId, 'scoring', 'scoring round')
      if (current.status !== 'open') throw new HttpError(409, 'this scoring round is already closed')
      await ctx.store.setSurveyStatus(current.id, 'closed')
      const results = await publish(ctx, { ...current, status: 'closed' })
      void ctx.webhooks.notify(workshopId, 'round.revealed', {
        kind: 'scoring',
        roundId: current.id,
        withheld: !results,
      })
      // Too few answers to average anonymously: nothing is shown and no card moves.
      if (!results) return sendJson(res, 200, { status: 'revealed', results: null, withheld: true })
      const positions = Object.fromEntries(
        results.results.flatMap((r) =>
          r.x === null || r.y === null ? [] : [[r.interventionId, { x: r.x, y: r.y }]],
        ),
      )
      await ctx.rooms.applyServerChange(roomName(workshopId, 'content'), 'content', (doc) =>
        setMatrixPositions(doc, positions),
      )
      return sendJson(res, 200, { status: 'revealed', results })
    })
  }

  if (action === 'participation') {
    facilitatorOnly()
    return sendJson(res, 200, await participation(ctx, record))
  }

  if (action === 'ballot') {
    if (role !== 'participant') throw new HttpError(403, 'only participants score in the round')
    return ownBallot(
      ctx,
      req,
      res,
      record,
      RoundBallotBody,
      (ballot: ScoringBallot) => scoringBallotProblems(round.interventionIds, ballot),
      async (current) => void (await publish(ctx, current)),
    )
  }
  throw new HttpError(404, 'no such API endpoint')
}

/** A new participant changes the open round's "answered of registered" count. */
export async function republishOpenScoringRounds(ctx: HttpContext, workshopId: string): Promise<void> {
  for (const record of await ctx.store.listSurveys(workshopId, 'scoring')) {
    if (record.status === 'open') await publish(ctx, record)
  }
}

/** Runs in turn (see inTurn), as every publication does. */
async function publish(ctx: HttpContext, record: SurveyRecord) {
  const round = JSON.parse(record.definition) as StoredRound
  const ballots = await ctx.store.listBallots(record.id)
  const results = tallyScoringRound(
    round.interventionIds,
    ballots.map((b) => JSON.parse(b.ballot) as ScoringBallot),
  )
  const minimumAnswers = ctx.config.minAnonymousAnswers
  const shown = record.status !== 'open' && !resultsWithheld(ballots.length, minimumAnswers)
  const published: PublishedScoringRound = {
    id: record.id,
    status: record.status === 'open' ? 'open' : 'revealed',
    interventions: round.interventionIds.map((id) => ({ id, title: round.titles[id] ?? '' })),
    answered: ballots.length,
    registered: (await ctx.store.listParticipants(record.workshopId)).length,
    results: shown ? results : null,
    minimumAnswers,
  }
  await ctx.rooms.applyServerChange(roomName(record.workshopId, 'control'), 'control', (doc) =>
    publishScoringRound(doc, published),
  )
  return shown ? results : null
}
