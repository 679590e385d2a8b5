import type * as Y from 'yjs'
import { isStatus, type PipelineStatus } from '../domain/pipeline.ts'
import type { Language } from '../i18n-language.ts'
import { indexAt, indexForMove, type Ordered } from '../order.ts'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readString, readText, recordsOf } from './records.ts'

/**
 * Meeting 4's pipeline: waves (named, ordered) and one entry per action, placed in a wave with
 * its own order, dates, status, owner and unit. An entry whose action was deleted is skipped.
 */
export type Wave = { id: string; index: string; name: string }
export type PipelineEntry = {
  id: string
  index: string
  actionId: string
  waveId: string
  start: string | null
  due: string | null
  status: PipelineStatus
  owner: string
  unitId: string | null
}

export const DEFAULT_WAVES: Record<Language, string[]> = {
  it: ['Subito', 'Prossima ondata', 'Più avanti'],
  en: ['Now', 'Next', 'Later'],
}

/** Runs once per document (seeding a new workshop, or the migration of an older one). */
export function seedWaves(doc: Y.Doc, language: Language): void {
  if (recordsOf(doc, 'waves').size > 0) return
  for (const name of DEFAULT_WAVES[language]) addRecord(doc, 'waves', { texts: { name } })
}

export function readWaves(doc: Y.Doc): Wave[] {
  return readRecords(doc, 'waves', (id, record) => ({
    id,
    index: record.get('index') as string,
    name: readText(record, 'name'),
  }))
}

export function readPipeline(doc: Y.Doc): PipelineEntry[] {
  const actions = recordsOf(doc, 'actions')
  return readRecords(doc, 'pipeline', (id, record) => {
    const actionId = readString(record, 'actionId')
    const waveId = readString(record, 'waveId')
    if (!actionId || !waveId || !actions.has(actionId)) return undefined
    const status = record.get('status')
    return {
      id,
      index: record.get('index') as string,
      actionId,
      waveId,
      start: readString(record, 'start'),
      due: readString(record, 'due'),
      status: isStatus(status) ? status : 'planned',
      owner: readText(record, 'owner'),
      unitId: readString(record, 'unitId'),
    }
  })
}

function waveOrder(doc: Y.Doc, waveId: string): Ordered[] {
  return readRecords(doc, 'pipeline', (id, record) =>
    readString(record, 'waveId') === waveId ? { id, index: record.get('index') as string } : undefined,
  )
}

/** Adds actions to the end of waves, in the order given, in one undo step. */
export function addPipelineEntries(
  doc: Y.Doc,
  entries: readonly { actionId: string; waveId: string; owner: string; unitId: string | null }[],
): void {
  localAction(doc, () => {
    for (const entry of entries) {
      const order = waveOrder(doc, entry.waveId)
      const id = addRecord(doc, 'pipeline', {
        texts: { owner: entry.owner },
        values: {
          actionId: entry.actionId,
          waveId: entry.waveId,
          start: null,
          due: null,
          status: 'planned',
          unitId: entry.unitId,
        },
      })
      getRecord(doc, 'pipeline', id)!.set('index', indexAt(order, order.length))
    }
  })
}

export function movePipelineEntry(doc: Y.Doc, id: string, waveId: string, position: number): void {
  localAction(doc, () => {
    const record = getRecord(doc, 'pipeline', id)
    if (!record) return
    record.set('index', indexForMove(waveOrder(doc, waveId), id, position))
    if (readString(record, 'waveId') !== waveId) record.set('waveId', waveId)
  })
}

export type PipelineField = 'start' | 'due' | 'status' | 'unitId'

export function setPipelineField(doc: Y.Doc, id: string, field: PipelineField, value: string | null): void {
  localAction(doc, () => getRecord(doc, 'pipeline', id)?.set(field, value))
}

/** Removing a wave moves its entries to the first remaining wave; the last wave cannot go. */
export function removeWave(doc: Y.Doc, waveId: string): void {
  localAction(doc, () => {
    const others = readWaves(doc).filter((w) => w.id !== waveId)
    if (others.length === 0) return
    for (const entry of readPipeline(doc)) {
      if (entry.waveId === waveId) getRecord(doc, 'pipeline', entry.id)?.set('waveId', others[0]!.id)
    }
    recordsOf(doc, 'waves').delete(waveId)
  })
}

export const addWave = (doc: Y.Doc, name: string) => addRecord(doc, 'waves', { texts: { name } })
