import * as Y from 'yjs'
import { CES_MAX, CES_MIN, type NpsCounts } from '../domain/nps.ts'
import { localAction } from './origin.ts'
import { recordsOf } from './records.ts'

/**
 * NPS and CES figures per journey stage, keyed by stage id. Counts only: raw scores are
 * turned into counts at import, so a figure is a few numbers whatever the sample size.
 */
export type StageData = {
  stageId: string
  nps: NpsCounts | null
  /** Number of answers per CES score, index 0 = score 1. */
  ces: number[] | null
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0

function readNps(value: unknown): NpsCounts | null {
  if (!(value instanceof Y.Map)) return null
  const counts = {
    promoters: value.get('promoters'),
    passives: value.get('passives'),
    detractors: value.get('detractors'),
  }
  return isCount(counts.promoters) && isCount(counts.passives) && isCount(counts.detractors)
    ? (counts as NpsCounts)
    : null
}

function readCes(value: unknown): number[] | null {
  if (!Array.isArray(value) || value.length !== CES_MAX - CES_MIN + 1 || !value.every(isCount)) return null
  return value
}

export function readStageData(doc: Y.Doc): Map<string, StageData> {
  const result = new Map<string, StageData>()
  for (const [stageId, record] of recordsOf(doc, 'stageData')) {
    if (!(record instanceof Y.Map)) continue
    result.set(stageId, { stageId, nps: readNps(record.get('nps')), ces: readCes(record.get('ces')) })
  }
  return result
}

function stageRecord(doc: Y.Doc, stageId: string): Y.Map<unknown> {
  const all = recordsOf(doc, 'stageData')
  let record = all.get(stageId)
  if (!(record instanceof Y.Map)) {
    record = new Y.Map<unknown>()
    all.set(stageId, record)
  }
  return record
}

/** Replaces a stage's NPS counts (null clears them). */
export function setStageNps(doc: Y.Doc, stageId: string, counts: NpsCounts | null): void {
  localAction(doc, () => {
    const record = stageRecord(doc, stageId)
    if (!counts) {
      record.delete('nps')
      return
    }
    const map = new Y.Map<number>()
    map.set('promoters', counts.promoters)
    map.set('passives', counts.passives)
    map.set('detractors', counts.detractors)
    record.set('nps', map)
  })
}

export function setStageCes(doc: Y.Doc, stageId: string, counts: number[] | null): void {
  localAction(doc, () => {
    const record = stageRecord(doc, stageId)
    if (counts) record.set('ces', [...counts])
    else record.delete('ces')
  })
}
