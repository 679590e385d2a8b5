import * as Y from 'yjs'
import { DIRECTIONS, type Direction, FREQUENCIES, type Frequency } from '../domain/kpis.ts'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readString, readText } from './records.ts'

/** Meeting 4's KPI set. Baseline and target are kept as typed ("3,5") and checked, never lost. */
export type Kpi = {
  id: string
  index: string
  name: string
  definition: string
  formula: string
  unit: string
  direction: Direction
  baseline: string
  target: string
  frequency: Frequency
  source: string
  owner: string
  actionIds: string[]
  /** The meeting 3 metric it came from, if any. */
  metricId: string | null
}

export const KPI_TEXTS = [
  'name',
  'definition',
  'formula',
  'unit',
  'baseline',
  'target',
  'source',
  'owner',
] as const

export function readKpis(doc: Y.Doc): Kpi[] {
  return readRecords(doc, 'kpis', (id, record) => {
    const links = record.get('actionIds')
    const direction = record.get('direction')
    const frequency = record.get('frequency')
    return {
      id,
      index: record.get('index') as string,
      name: readText(record, 'name'),
      definition: readText(record, 'definition'),
      formula: readText(record, 'formula'),
      unit: readText(record, 'unit'),
      direction: (DIRECTIONS as readonly unknown[]).includes(direction) ? (direction as Direction) : 'higher',
      baseline: readText(record, 'baseline'),
      target: readText(record, 'target'),
      frequency: (FREQUENCIES as readonly unknown[]).includes(frequency)
        ? (frequency as Frequency)
        : 'monthly',
      source: readText(record, 'source'),
      owner: readText(record, 'owner'),
      actionIds: links instanceof Y.Map ? [...links.keys()].sort() : [],
      metricId: readString(record, 'metricId'),
    }
  })
}

export function addKpi(
  doc: Y.Doc,
  name: string,
  from: { actionIds?: readonly string[]; metricId?: string | null } = {},
): string {
  let id = ''
  localAction(doc, () => {
    const links = new Y.Map<boolean>()
    id = addRecord(doc, 'kpis', {
      texts: Object.fromEntries(KPI_TEXTS.map((field) => [field, field === 'name' ? name : ''])),
      values: {
        direction: 'higher',
        frequency: 'monthly',
        actionIds: links,
        metricId: from.metricId ?? null,
      },
    })
    for (const actionId of from.actionIds ?? []) links.set(actionId, true)
  })
  return id
}

export function setKpiField(doc: Y.Doc, id: string, field: 'direction' | 'frequency', value: string): void {
  localAction(doc, () => getRecord(doc, 'kpis', id)?.set(field, value))
}

export function linkKpiAction(doc: Y.Doc, id: string, actionId: string, linked: boolean): void {
  localAction(doc, () => {
    const links = getRecord(doc, 'kpis', id)?.get('actionIds')
    if (!(links instanceof Y.Map)) return
    if (linked) links.set(actionId, true)
    else links.delete(actionId)
  })
}
