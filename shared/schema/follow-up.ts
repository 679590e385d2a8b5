import * as Y from 'yjs'
import type { KpiReading } from '../domain/follow-up/readings.ts'
import type { ReadingLine } from '../domain/follow-up/readings-csv.ts'
import type { ReviewMark } from '../domain/follow-up/review.ts'
import { isIsoDate, isStatus, type PipelineStatus } from '../domain/pipeline.ts'
import { newId } from '../ids.ts'
import { indexAtEnd } from '../order.ts'
import { metaMap } from './meta.ts'
import { localAction } from './origin.ts'
import { addRecord, readRecords, readString, recordsOf } from './records.ts'

/**
 * Follow-up after meeting 4. Action updates are written by the server only (it checks who may
 * update an action and stamps who and when: the history cannot be rewritten from a browser);
 * KPI readings are the group's, written like any card. Both are plain values: a reading or an
 * update is a dated fact, not a text people write together.
 */
export const ACTION_UPDATES = 'actionUpdates'
export const KPI_READINGS = 'kpiReadings'
/** The facilitator's review marks: "what changed since the last review" counts from the latest. */
export const REVIEWS = 'followUpReviews'

export type StoredActionUpdate = {
  id: string
  index: string
  /** The pipeline entry the update is about. */
  entryId: string
  /** The day the change is about (YYYY-MM-DD), as the owner gives it. */
  date: string
  /** When the server stored it (ms since epoch). */
  at: number
  /** The name of who made it, as registered (null: the facilitator). */
  by: string | null
  status: PipelineStatus
  percent: number
  note: string
}

export const MAX_NOTE = 2000
export const MAX_READING_TEXT = 200

export function readActionUpdates(doc: Y.Doc): StoredActionUpdate[] {
  return readRecords(doc, ACTION_UPDATES, (id, record) => {
    const entryId = readString(record, 'entryId')
    const date = readString(record, 'date')
    const status = record.get('status')
    const percent = record.get('percent')
    const at = record.get('at')
    if (!entryId || !date || !isIsoDate(date) || !isStatus(status)) return undefined
    return {
      id,
      index: record.get('index') as string,
      entryId,
      date,
      at: typeof at === 'number' ? at : 0,
      by: readString(record, 'by'),
      status,
      percent: typeof percent === 'number' && percent >= 0 && percent <= 100 ? percent : 0,
      note: readString(record, 'note') ?? '',
    }
  })
}

/** The server's write of one update (it has checked the person and the values). */
export function appendActionUpdate(doc: Y.Doc, update: Omit<StoredActionUpdate, 'id' | 'index'>): string {
  const id = newId()
  doc.transact(() => {
    const records = recordsOf(doc, ACTION_UPDATES)
    const order = readRecords(doc, ACTION_UPDATES, (rid, r) => ({ id: rid, index: r.get('index') as string }))
    const record = new Y.Map<unknown>()
    record.set('index', indexAtEnd(order))
    for (const [field, value] of Object.entries(update)) record.set(field, value)
    records.set(id, record)
  })
  return id
}

export function readKpiReadings(doc: Y.Doc): (KpiReading & { index: string })[] {
  return readRecords(doc, KPI_READINGS, (id, record) => {
    const kpiId = readString(record, 'kpiId')
    if (!kpiId) return undefined
    return {
      id,
      index: record.get('index') as string,
      kpiId,
      date: readString(record, 'date') ?? '',
      value: readString(record, 'value') ?? '',
      source: readString(record, 'source') ?? '',
      note: readString(record, 'note') ?? '',
    }
  })
}

const bounded = (text: string) => text.trim().slice(0, MAX_READING_TEXT)

/** Adds readings of one KPI (typed in, or the good lines of a CSV) in one undo step. */
export function addKpiReadings(doc: Y.Doc, kpiId: string, lines: readonly ReadingLine[]): void {
  localAction(doc, () => {
    const records = recordsOf(doc, KPI_READINGS)
    const order = readRecords(doc, KPI_READINGS, (id, r) => ({ id, index: r.get('index') as string }))
    for (const line of lines) {
      const record = new Y.Map<unknown>()
      const index = indexAtEnd(order)
      order.push({ id: newId(), index })
      record.set('index', index)
      record.set('kpiId', kpiId)
      record.set('date', line.date)
      record.set('value', bounded(line.value))
      record.set('source', bounded(line.source))
      record.set('note', line.note.trim().slice(0, MAX_NOTE))
      records.set(order.at(-1)!.id, record)
    }
  })
}

export function removeKpiReading(doc: Y.Doc, id: string): void {
  localAction(doc, () => recordsOf(doc, KPI_READINGS).delete(id))
}

/** The facilitator's settings of the follow-up, in the workshop's details. */
export type FollowUpSettings = {
  /** Anyone in the group may update any action (otherwise only its owner, and the facilitator). */
  anyoneUpdates: boolean
  /** An open action without an update for this many weeks needs attention. */
  staleWeeks: number
  /** The day follow-up began: what was never updated or read counts from then. */
  since: string | null
}

export const FOLLOW_UP_META = ['followUpAnyone', 'followUpStaleWeeks', 'followUpSince'] as const
export const STALE_WEEKS = { min: 1, max: 12, default: 2 }

export function readFollowUpSettings(doc: Y.Doc): FollowUpSettings {
  const meta = metaMap(doc)
  const weeks = meta.get('followUpStaleWeeks')
  const since = meta.get('followUpSince')
  return {
    anyoneUpdates: meta.get('followUpAnyone') === true,
    staleWeeks:
      typeof weeks === 'number' &&
      Number.isInteger(weeks) &&
      weeks >= STALE_WEEKS.min &&
      weeks <= STALE_WEEKS.max
        ? weeks
        : STALE_WEEKS.default,
    since: typeof since === 'string' && isIsoDate(since) ? since : null,
  }
}

export function setFollowUpSetting<K extends keyof FollowUpSettings>(
  doc: Y.Doc,
  key: K,
  value: FollowUpSettings[K],
): void {
  const field = { anyoneUpdates: 'followUpAnyone', staleWeeks: 'followUpStaleWeeks', since: 'followUpSince' }[
    key
  ]
  localAction(doc, () => metaMap(doc).set(field, value))
}

export function readReviews(doc: Y.Doc): (ReviewMark & { index: string })[] {
  return readRecords(doc, REVIEWS, (id, record) => {
    const date = readString(record, 'date')
    const at = record.get('at')
    if (!date || !isIsoDate(date) || typeof at !== 'number') return undefined
    return { id, index: record.get('index') as string, date, at }
  })
}

/** The facilitator marks a review held today: what changes from now on is "since the last review". */
export function markReview(doc: Y.Doc, date: string, at = Date.now()): void {
  addRecord(doc, REVIEWS, { values: { date, at } })
}
