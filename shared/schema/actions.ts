import * as Y from 'yjs'
import {
  type ActionScores,
  type ActionThresholds,
  clampActionScore,
  DEFAULT_ACTION_THRESHOLD,
  type Dependencies,
  dependencyCycle,
} from '../domain/actions.ts'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readString, readText, recordsOf } from './records.ts'

/**
 * Meeting 3's action cards and their candidate metrics. The four scores are one field, so a
 * card dragged on the matrix by two people at once ends at one of the drops, whole.
 */
export type Action = {
  id: string
  index: string
  /** The priority area (an intervention id) the card belongs to; null = not assigned yet. */
  areaId: string | null
  title: string
  owner: string
  unitId: string | null
  scores: ActionScores
  dependsOn: string[]
}

export type Metric = { id: string; index: string; actionId: string; name: string; chosen: boolean }

export const ACTION_TEXTS = ['title', 'description', 'owner', 'notes'] as const
const EMPTY_SCORES: ActionScores = { benefit: null, cost: null, complexity: null, time: null }

function readScores(value: unknown): ActionScores {
  if (!value || typeof value !== 'object') return EMPTY_SCORES
  const raw = value as Record<string, unknown>
  const score = (key: string) => (typeof raw[key] === 'number' ? clampActionScore(raw[key] as number) : null)
  return {
    benefit: score('benefit'),
    cost: score('cost'),
    complexity: score('complexity'),
    time: score('time'),
  }
}

export function readActions(doc: Y.Doc): Action[] {
  return readRecords(doc, 'actions', (id, record) => {
    const deps = record.get('dependsOn')
    return {
      id,
      index: record.get('index') as string,
      areaId: readString(record, 'areaId'),
      title: readText(record, 'title'),
      owner: readText(record, 'owner'),
      unitId: readString(record, 'unitId'),
      scores: readScores(record.get('scores')),
      dependsOn: deps instanceof Y.Map ? [...deps.keys()].sort() : [],
    }
  })
}

export function addAction(doc: Y.Doc, areaId: string | null, title: string): string {
  return addRecord(doc, 'actions', {
    texts: { title, description: '', owner: '', notes: '' },
    values: { areaId, unitId: null, scores: EMPTY_SCORES, dependsOn: new Y.Map<boolean>() },
  })
}

/** Sets some scores; the others keep their value. Null clears one. */
export function setActionScores(doc: Y.Doc, id: string, change: Partial<ActionScores>): void {
  localAction(doc, () => {
    const record = getRecord(doc, 'actions', id)
    if (!record) return
    const next = { ...readScores(record.get('scores')), ...change }
    for (const [key, value] of Object.entries(next)) {
      ;(next as Record<string, number | null>)[key] = value === null ? null : clampActionScore(value)
    }
    record.set('scores', next)
  })
}

export function setActionField(
  doc: Y.Doc,
  id: string,
  field: 'areaId' | 'unitId',
  value: string | null,
): void {
  localAction(doc, () => getRecord(doc, 'actions', id)?.set(field, value))
}

export function dependenciesOf(actions: readonly Action[]): Dependencies {
  return Object.fromEntries(actions.map((a) => [a.id, a.dependsOn]))
}

/**
 * Adds or removes "`id` depends on `on`". Adding one that would close a cycle changes nothing
 * and returns the chain, so the form can say why.
 */
export function setDependency(doc: Y.Doc, id: string, on: string, depends: boolean): string[] | null {
  if (depends) {
    const cycle = dependencyCycle(dependenciesOf(readActions(doc)), id, on)
    if (cycle) return cycle
  }
  localAction(doc, () => {
    const deps = getRecord(doc, 'actions', id)?.get('dependsOn')
    if (!(deps instanceof Y.Map)) return
    if (depends) deps.set(on, true)
    else deps.delete(on)
  })
  return null
}

/** Copies a card (texts, scores, area, unit and its metrics, not yet chosen) right after it. */
export function duplicateAction(doc: Y.Doc, id: string, copySuffix: string): string | null {
  const source = getRecord(doc, 'actions', id)
  if (!source) return null
  let copy: string | null = null
  localAction(doc, () => {
    const position = readActions(doc).findIndex((a) => a.id === id) + 1
    const texts = Object.fromEntries(ACTION_TEXTS.map((field) => [field, readText(source, field)]))
    texts.title = `${texts.title} ${copySuffix}`.trim()
    copy = addRecord(
      doc,
      'actions',
      {
        texts,
        values: {
          areaId: readString(source, 'areaId'),
          unitId: readString(source, 'unitId'),
          scores: readScores(source.get('scores')),
          dependsOn: new Y.Map<boolean>(),
        },
      },
      position,
    )
    for (const metric of readMetrics(doc)) if (metric.actionId === id) addMetric(doc, copy, metric.name)
  })
  return copy
}

/** Removes a card, its metrics, its pipeline entry, and every link to it, in one undo step. */
export function removeAction(doc: Y.Doc, id: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'actions').delete(id)
    for (const [entryId, entry] of recordsOf(doc, 'pipeline')) {
      if (entry instanceof Y.Map && entry.get('actionId') === id) recordsOf(doc, 'pipeline').delete(entryId)
    }
    for (const collection of ['kpis', 'goldenRules']) {
      for (const [, record] of recordsOf(doc, collection)) {
        const links = record instanceof Y.Map ? record.get('actionIds') : undefined
        if (links instanceof Y.Map && links.has(id)) links.delete(id)
      }
    }
    for (const metric of readMetrics(doc)) if (metric.actionId === id) removeMetric(doc, metric.id)
    for (const action of readActions(doc)) {
      const deps = getRecord(doc, 'actions', action.id)?.get('dependsOn')
      if (deps instanceof Y.Map && deps.has(id)) deps.delete(id)
    }
  })
}

export function readMetrics(doc: Y.Doc): Metric[] {
  return readRecords(doc, 'metrics', (id, record) => {
    const actionId = readString(record, 'actionId')
    if (!actionId) return undefined
    return {
      id,
      index: record.get('index') as string,
      actionId,
      name: readText(record, 'name'),
      chosen: record.get('chosen') === true,
    }
  })
}

export function addMetric(doc: Y.Doc, actionId: string, name: string): string {
  return addRecord(doc, 'metrics', { texts: { name }, values: { actionId, chosen: false } })
}

/** Removes a candidate metric; a KPI made from it keeps its name but no longer points to it. */
export function removeMetric(doc: Y.Doc, id: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'metrics').delete(id)
    for (const [, kpi] of recordsOf(doc, 'kpis')) {
      if (kpi instanceof Y.Map && kpi.get('metricId') === id) kpi.set('metricId', null)
    }
  })
}

export function setMetricChosen(doc: Y.Doc, id: string, chosen: boolean): void {
  localAction(doc, () => getRecord(doc, 'metrics', id)?.set('chosen', chosen))
}

export const actionMatrixMap = (doc: Y.Doc) => doc.getMap<unknown>('actionMatrix')

export function readActionThresholds(doc: Y.Doc): ActionThresholds {
  const map = actionMatrixMap(doc)
  const value = (key: string) => {
    const v = map.get(key)
    return typeof v === 'number' && v >= 1 && v <= 5 ? v : DEFAULT_ACTION_THRESHOLD
  }
  return { benefit: value('benefit'), constraint: value('constraint') }
}

export function setActionThreshold(doc: Y.Doc, axis: keyof ActionThresholds, value: number): void {
  const clamped = Math.min(5, Math.max(1, Math.round(value * 2) / 2))
  localAction(doc, () => actionMatrixMap(doc).set(axis, clamped))
}
