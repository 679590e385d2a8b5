import * as Y from 'yjs'
import type { PainKind, PainSnapshot } from '../domain/perimeter.ts'
import { indexAt, indexForMove, type Ordered } from '../order.ts'
import { localAction } from './origin.ts'
import {
  addRecord,
  getRecord,
  type RecordMap,
  readRecords,
  readString,
  readText,
  recordsOf,
} from './records.ts'

/** The journey map of meeting 1: touchpoints and pain cards, each on a stage column. */
export type Touchpoint = { id: string; index: string; stageId: string; name: string; momentOfTruth: boolean }
export type Pain = PainSnapshot & { index: string; evidence: string }

export const SEVERITIES = [1, 2, 3, 4, 5] as const
const DEFAULT_SEVERITY = 3

function readFlags(record: RecordMap, field: string): string[] {
  const value = record.get(field)
  return value instanceof Y.Map ? [...value.keys()].sort() : []
}

function painFromRecord(id: string, record: RecordMap): Pain | undefined {
  const stageId = readString(record, 'stageId')
  const index = record.get('index')
  if (!stageId || typeof index !== 'string') return undefined
  const severity = record.get('severity')
  return {
    id,
    index,
    stageId,
    kind: record.get('kind') === 'enhancement' ? 'enhancement' : 'pain',
    text: readText(record, 'text'),
    severity: typeof severity === 'number' && severity >= 1 && severity <= 5 ? severity : DEFAULT_SEVERITY,
    segmentIds: readFlags(record, 'segments'),
    evidence: readText(record, 'evidence'),
    inScope: record.get('inScope') !== false,
  }
}

export function readPains(doc: Y.Doc): Pain[] {
  return readRecords(doc, 'pains', painFromRecord)
}

export function readPain(doc: Y.Doc, id: string): Pain | undefined {
  const record = getRecord(doc, 'pains', id)
  return record && painFromRecord(id, record)
}

/** Where each card sits, without its content: what a column needs to lay out its cards. */
export type Placement = { id: string; index: string; stageId: string; label: string }

export function readPainPlacements(doc: Y.Doc): Placement[] {
  return readRecords(doc, 'pains', (id, record) => {
    const stageId = readString(record, 'stageId')
    if (!stageId) return undefined
    return { id, index: record.get('index') as string, stageId, label: readText(record, 'text').slice(0, 60) }
  })
}

export function readTouchpoints(doc: Y.Doc): Touchpoint[] {
  return readRecords(doc, 'touchpoints', (id, record) => {
    const stageId = readString(record, 'stageId')
    if (!stageId) return undefined
    return {
      id,
      index: record.get('index') as string,
      stageId,
      name: readText(record, 'name'),
      momentOfTruth: record.get('momentOfTruth') === true,
    }
  })
}

/** The order of one stage's cards of a collection (pains or touchpoints). */
function stageOrder(doc: Y.Doc, collection: 'pains' | 'touchpoints', stageId: string): Ordered[] {
  return readRecords(doc, collection, (id, record) =>
    record.get('stageId') === stageId ? { id, index: record.get('index') as string } : undefined,
  )
}

export function addPain(doc: Y.Doc, stageId: string, text: string, kind: PainKind = 'pain'): string {
  let id = ''
  localAction(doc, () => {
    const order = stageOrder(doc, 'pains', stageId)
    id = addRecord(doc, 'pains', {
      texts: { text, evidence: '' },
      values: { stageId, kind, severity: DEFAULT_SEVERITY, inScope: true, segments: new Y.Map<boolean>() },
    })
    getRecord(doc, 'pains', id)!.set('index', indexAt(order, order.length))
  })
  return id
}

export function addTouchpoint(doc: Y.Doc, stageId: string, name: string): string {
  let id = ''
  localAction(doc, () => {
    const order = stageOrder(doc, 'touchpoints', stageId)
    id = addRecord(doc, 'touchpoints', { texts: { name }, values: { stageId, momentOfTruth: false } })
    getRecord(doc, 'touchpoints', id)!.set('index', indexAt(order, order.length))
  })
  return id
}

/**
 * Puts a card on `stageId` at `position` among that stage's cards. One transaction writing
 * two fields: two people moving one card at once end with one card, in one place.
 */
export function moveCard(
  doc: Y.Doc,
  collection: 'pains' | 'touchpoints',
  id: string,
  stageId: string,
  position: number,
): void {
  localAction(doc, () => {
    const record = getRecord(doc, collection, id)
    if (!record) return
    record.set('index', indexForMove(stageOrder(doc, collection, stageId), id, position))
    if (record.get('stageId') !== stageId) record.set('stageId', stageId)
  })
}

export function setPainSegment(doc: Y.Doc, painId: string, segmentId: string, hit: boolean): void {
  localAction(doc, () => {
    const segments = getRecord(doc, 'pains', painId)?.get('segments')
    if (!(segments instanceof Y.Map)) return
    if (hit) segments.set(segmentId, true)
    else segments.delete(segmentId)
  })
}

/** Removes a pain and its links from every intervention, as one undo step. */
export function removePain(doc: Y.Doc, painId: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'pains').delete(painId)
    for (const [, intervention] of recordsOf(doc, 'interventions')) {
      const links = intervention instanceof Y.Map ? intervention.get('painIds') : undefined
      if (links instanceof Y.Map) links.delete(painId)
    }
  })
}

/** Removes a journey stage with everything on it (cards, data, links), as one undo step. */
export function removeStage(doc: Y.Doc, stageId: string): void {
  localAction(doc, () => {
    for (const pain of readPains(doc)) if (pain.stageId === stageId) removePain(doc, pain.id)
    for (const touchpoint of readTouchpoints(doc)) {
      if (touchpoint.stageId === stageId) recordsOf(doc, 'touchpoints').delete(touchpoint.id)
    }
    recordsOf(doc, 'stageData').delete(stageId)
    // A vision workshop's moments of truth sit on stages too.
    for (const [momentId, moment] of recordsOf(doc, 'moments')) {
      if (moment instanceof Y.Map && moment.get('stageId') === stageId)
        recordsOf(doc, 'moments').delete(momentId)
    }
    recordsOf(doc, 'stages').delete(stageId)
  })
}

/** How many cards a stage holds: removing it would remove them too. */
export function cardsOnStage(doc: Y.Doc, stageId: string): number {
  return (
    readPains(doc).filter((p) => p.stageId === stageId).length +
    readTouchpoints(doc).filter((t) => t.stageId === stageId).length
  )
}
