import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type * as Y from 'yjs'
import { z } from 'zod'
import { resultsWithheld } from '../../shared/domain/anonymity.ts'
import {
  type PublishedRating,
  type RatingBallot,
  ratingProblems,
  tallyRatings,
} from '../../shared/domain/rating-round.ts'
import { roomName } from '../../shared/rooms.ts'
import { controlMap } from '../../shared/schema/control.ts'
import { readChosenFactors, readCultureStatements, readFactors } from '../../shared/schema/vision.ts'
import { type HttpContext, HttpError, inTurn, parseBody, readJsonBody, sendJson } from '../http/common.ts'
import type { SurveyRecord } from '../persistence/store.ts'
import { closeOpenRounds, findRound, ownBallot, participation, roundAccess } from './rounds-common.ts'

type Purpose = PublishedRating['purpose']
type StoredRating = Pick<PublishedRating, 'purpose' | 'items' | 'axes' | 'min' | 'max'>

export const CreateBody = z.object({
  purpose: z.enum(['culture', 'factors']),
  replaceOpen: z.boolean().optional(),
})
export const BallotBody = z.object({ scores: z.record(z.string(), z.record(z.string(), z.number())) })

/** What is scored: every culture statement (1-5), or the chosen factors today and target (0-10). */
function definitionFor(ctx: HttpContext, workshopId: string, purpose: Purpose): Promise<StoredRating> {
  return ctx.rooms.readWorkshop(workshopId, (doc, control): StoredRating => {
    const chosen = readChosenFactors(control)
    if (purpose === 'culture') {
      const items = readCultureStatements(doc).map((s) => ({ id: s.id, title: s.text, group: s.area }))
      return { purpose, items, axes: ['score'], min: 1, max: 5 }
    }
    const factors = readFactors(doc).filter((f) => chosen.includes(f.id))
    return {
      purpose,
      items: factors.map((f) => ({ id: f.id, title: f.name, group: f.name })),
      axes: ['today', 'target'],
      min: 0,
      max: 10,
    }
  })
}

/**
 * The vision workshop's private ratings (culture self-assessment, factors today vs target),
 * like the survey: ballots stay in SQLite, the control document gets counts, and on close the
 * averages and spreads (`rating:culture`, `rating:factors`).
 */
export async function ratingRoundsRoute(
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
    'only the facilitator runs a rating',
  )
  if (!roundId) {
    if (method !== 'POST') throw new HttpError(405, 'use POST to open a rating')
    facilitatorOnly()
    const { purpose, replaceOpen } = parseBody(CreateBody, await readJsonBody(req))
    const definition = await definitionFor(ctx, workshopId, purpose)
    if (definition.items.length === 0) {
      throw new HttpError(
        400,
        purpose === 'factors' ? 'choose the factors to score first' : 'there are no statements to score',
      )
    }
    return inTurn(ctx, workshopId, async () => {
      await closeOpenRounds(
        ctx,
        workshopId,
        'rating',
        replaceOpen,
        'rating',
        (open) => (JSON.parse(open.definition) as StoredRating).purpose === purpose,
      )
      const record: SurveyRecord = {
        id: randomUUID(),
        workshopId,
        kind: 'rating',
        definition: JSON.stringify(definition),
        status: 'open',
        createdAt: Date.now(),
      }
      await ctx.store.createSurvey(record)
      await publish(ctx, record)
      return sendJson(res, 201, { id: record.id })
    })
  }
  const record = await findRound(ctx, workshopId, roundId, 'rating', 'rating')
  const definition = JSON.parse(record.definition) as StoredRating
  if (action === 'close') {
    if (method !== 'POST') throw new HttpError(405, 'use POST to close the rating')
    facilitatorOnly()
    return inTurn(ctx, workshopId, async () => {
      const current = await findRound(ctx, workshopId, roundId, 'rating', 'rating')
      if (current.status !== 'open') throw new HttpError(409, 'this rating is already closed')
      await ctx.store.setSurveyStatus(current.id, 'closed')
      await publish(ctx, { ...current, status: 'closed' })
      void ctx.webhooks.notify(workshopId, 'round.revealed', { kind: 'rating', roundId: current.id })
      return sendJson(res, 200, { status: 'closed' })
    })
  }
  if (action === 'participation') {
    facilitatorOnly()
    return sendJson(res, 200, await participation(ctx, record))
  }
  if (action === 'ballot') {
    if (role !== 'participant') throw new HttpError(403, 'only participants rate')
    const rules = {
      itemIds: definition.items.map((i) => i.id),
      axes: definition.axes,
      min: definition.min,
      max: definition.max,
    }
    return ownBallot(
      ctx,
      req,
      res,
      record,
      BallotBody,
      (ballot: RatingBallot) => ratingProblems(rules, ballot),
      (current) => publish(ctx, current),
    )
  }
  throw new HttpError(404, 'no such API endpoint')
}

/** Runs in turn (see inTurn), as every publication does. */
export async function republishOpenRatings(ctx: HttpContext, workshopId: string): Promise<void> {
  for (const record of await ctx.store.listSurveys(workshopId, 'rating'))
    if (record.status === 'open') await publish(ctx, record)
}

async function publish(ctx: HttpContext, record: SurveyRecord): Promise<void> {
  const definition = JSON.parse(record.definition) as StoredRating
  const ballots = (await ctx.store.listBallots(record.id)).map((b) => JSON.parse(b.ballot) as RatingBallot)
  const minimumAnswers = ctx.config.minAnonymousAnswers
  const published: PublishedRating = {
    id: record.id,
    ...definition,
    status: record.status,
    answered: ballots.length,
    registered: (await ctx.store.listParticipants(record.workshopId)).length,
    minimumAnswers,
    results:
      record.status === 'closed' && !resultsWithheld(ballots.length, minimumAnswers)
        ? tallyRatings(
            {
              itemIds: definition.items.map((i) => i.id),
              axes: definition.axes,
              min: definition.min,
              max: definition.max,
            },
            ballots,
          )
        : null,
  }
  await ctx.rooms.applyServerChange(roomName(record.workshopId, 'control'), 'control', (doc) =>
    putRating(controlMap(doc), `rating:${definition.purpose}`, published),
  )
}

/**
 * Publishes a round; a new round that replaces revealed results keeps them under
 * `<key>:previous`, so the report goes on showing them until the new round has its own.
 */
function putRating(control: Y.Map<unknown>, key: string, published: PublishedRating): void {
  const current = control.get(key) as PublishedRating | undefined
  if (published.results) control.delete(`${key}:previous`)
  else if (current?.results && current.id !== published.id) control.set(`${key}:previous`, current)
  control.set(key, published)
}
