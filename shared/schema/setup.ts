import * as Y from 'yjs'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readString, readText, recordsOf } from './records.ts'

/** The Setup step's lists. Each is a collection of records with a collaborative `name`. */
export type SetupList = 'units' | 'participants' | 'segments' | 'stages'
export const SETUP_LISTS: readonly SetupList[] = ['stages', 'units', 'participants', 'segments']

export type NamedItem = { id: string; index: string; name: string }
export type Participant = NamedItem & { unitId: string | null }

export function readNamedList(doc: Y.Doc, list: SetupList): NamedItem[] {
  return readRecords(doc, list, (id, record) => ({
    id,
    index: record.get('index') as string,
    name: readText(record, 'name'),
  }))
}

export function readParticipants(doc: Y.Doc): Participant[] {
  return readRecords(doc, 'participants', (id, record) => ({
    id,
    index: record.get('index') as string,
    name: readText(record, 'name'),
    unitId: readString(record, 'unitId'),
  }))
}

export function addNamed(doc: Y.Doc, list: SetupList, name: string): string {
  return addRecord(doc, list, { texts: { name } })
}

export function addParticipant(doc: Y.Doc, name: string, unitId: string | null): string {
  return addRecord(doc, 'participants', { texts: { name }, values: { unitId } })
}

export function setParticipantUnit(doc: Y.Doc, participantId: string, unitId: string | null): void {
  localAction(doc, () => getRecord(doc, 'participants', participantId)?.set('unitId', unitId))
}

/**
 * Removes a unit and everything that points to it, in one undo step: participants, action cards
 * and pipeline entries lose their unit, its RACI column goes.
 */
export function removeUnit(doc: Y.Doc, unitId: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'units').delete(unitId)
    for (const collection of ['participants', 'actions', 'pipeline']) {
      for (const [, record] of recordsOf(doc, collection)) {
        if (record instanceof Y.Map && record.get('unitId') === unitId) record.set('unitId', null)
      }
    }
    const raci = doc.getMap<unknown>('raci')
    for (const key of [...raci.keys()]) if (key.endsWith(`/${unitId}`)) raci.delete(key)
  })
}

/** Removes a target segment and unmarks it on every pain, in one undo step. */
export function removeSegment(doc: Y.Doc, segmentId: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'segments').delete(segmentId)
    for (const [, pain] of recordsOf(doc, 'pains')) {
      const hit = pain instanceof Y.Map ? pain.get('segments') : undefined
      if (hit instanceof Y.Map && hit.has(segmentId)) hit.delete(segmentId)
    }
  })
}
