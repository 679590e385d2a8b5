import type * as Y from 'yjs'
import { metaMap } from './meta.ts'
import { recordsOf } from './records.ts'
import { SETUP_LISTS } from './setup.ts'

/**
 * The root types of the content document a person edits. The undo manager tracks exactly
 * these; each later step adds its collections here.
 */
export const CONTENT_COLLECTIONS = [
  ...SETUP_LISTS,
  'touchpoints',
  'pains',
  'stageData',
  'interventions',
  'interventionGroups',
  'subActions',
  'actions',
  'metrics',
  'waves',
  'pipeline',
  'kpis',
  'goldenRules',
  'factors',
  'cultureStatements',
  'personas',
  'moments',
  'actionUpdates',
  'kpiReadings',
  'followUpReviews',
] as const

/** Root maps that are not record collections: settings and cells, keyed by name. */
export const CONTENT_MAPS = ['materiality', 'raci', 'actionMatrix'] as const

export function contentRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [
    metaMap(doc),
    ...CONTENT_COLLECTIONS.map((name) => recordsOf(doc, name)),
    ...CONTENT_MAPS.map((name) => doc.getMap(name)),
  ] as Y.AbstractType<unknown>[]
}
