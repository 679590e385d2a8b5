import * as Y from 'yjs'
import type { InterventionSnapshot } from '../domain/perimeter.ts'
import { indexAt, indexForMove, type Ordered } from '../order.ts'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readString, readText, recordsOf } from './records.ts'

/** Macro interventions on the flip chart of meeting 1, optionally gathered in named groups. */
export type Intervention = InterventionSnapshot & {
  index: string
  description: string
  groupId: string | null
}
export type InterventionGroup = { id: string; index: string; name: string }

export function readInterventions(doc: Y.Doc): Intervention[] {
  return readRecords(doc, 'interventions', (id, record) => {
    const links = record.get('painIds')
    return {
      id,
      index: record.get('index') as string,
      title: readText(record, 'title'),
      description: readText(record, 'description'),
      groupId: readString(record, 'groupId'),
      painIds: links instanceof Y.Map ? [...links.keys()].sort() : [],
    }
  })
}

export function readInterventionGroups(doc: Y.Doc): InterventionGroup[] {
  return readRecords(doc, 'interventionGroups', (id, record) => ({
    id,
    index: record.get('index') as string,
    name: readText(record, 'name'),
  }))
}

function groupOrder(doc: Y.Doc, groupId: string | null): Ordered[] {
  return readRecords(doc, 'interventions', (id, record) =>
    (readString(record, 'groupId') ?? null) === groupId
      ? { id, index: record.get('index') as string }
      : undefined,
  )
}

export function addIntervention(doc: Y.Doc, title: string, groupId: string | null = null): string {
  let id = ''
  localAction(doc, () => {
    const order = groupOrder(doc, groupId)
    id = addRecord(doc, 'interventions', {
      texts: { title, description: '' },
      values: { groupId, painIds: new Y.Map<boolean>() },
    })
    getRecord(doc, 'interventions', id)!.set('index', indexAt(order, order.length))
  })
  return id
}

export function addInterventionGroup(doc: Y.Doc, name: string): string {
  return addRecord(doc, 'interventionGroups', { texts: { name } })
}

/** Moves a card into a group (null = ungrouped) at a position among that group's cards. */
export function moveIntervention(doc: Y.Doc, id: string, groupId: string | null, position: number): void {
  localAction(doc, () => {
    const record = getRecord(doc, 'interventions', id)
    if (!record) return
    record.set('index', indexForMove(groupOrder(doc, groupId), id, position))
    if ((readString(record, 'groupId') ?? null) !== groupId) record.set('groupId', groupId)
  })
}

/** Removing a group keeps its cards: they go back to the ungrouped area. */
export function removeInterventionGroup(doc: Y.Doc, groupId: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'interventionGroups').delete(groupId)
    for (const intervention of readInterventions(doc)) {
      if (intervention.groupId === groupId)
        getRecord(doc, 'interventions', intervention.id)?.set('groupId', null)
    }
  })
}

export function linkPain(doc: Y.Doc, interventionId: string, painId: string, linked: boolean): void {
  localAction(doc, () => {
    const links = getRecord(doc, 'interventions', interventionId)?.get('painIds')
    if (!(links instanceof Y.Map)) return
    if (linked) links.set(painId, true)
    else links.delete(painId)
  })
}

/**
 * Removes a macro intervention and what hangs on it, in one undo step: its sub-actions and RACI
 * rows go, its action cards stay without an area. (The confirmed priorities are the
 * facilitator's, in the control document: a removed one simply no longer shows.)
 */
export function removeIntervention(doc: Y.Doc, id: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'interventions').delete(id)
    const rows = [id]
    for (const [subId, sub] of recordsOf(doc, 'subActions')) {
      if (sub instanceof Y.Map && sub.get('areaId') === id) {
        rows.push(subId)
        recordsOf(doc, 'subActions').delete(subId)
      }
    }
    const raci = doc.getMap<unknown>('raci')
    for (const key of [...raci.keys()]) if (rows.includes(key.split('/')[0]!)) raci.delete(key)
    for (const [, action] of recordsOf(doc, 'actions')) {
      if (action instanceof Y.Map && action.get('areaId') === id) action.set('areaId', null)
    }
  })
}
