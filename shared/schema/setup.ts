import type * as Y from 'yjs'
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

/** Removes a unit and clears it from the participants who belonged to it, in one undo step. */
export function removeUnit(doc: Y.Doc, unitId: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'units').delete(unitId)
    for (const participant of readParticipants(doc)) {
      if (participant.unitId === unitId) getRecord(doc, 'participants', participant.id)?.set('unitId', null)
    }
  })
}
