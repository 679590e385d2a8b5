import type { StepId } from '../steps.ts'
import { KPI_TEXTS } from './kpis.ts'
import { META_TEXT_FIELDS } from './meta.ts'
import { PERSONA_TEXTS } from './vision.ts'

/**
 * What each step of the method writes in the content document: a root, or one field of a
 * root's records (a card's place on the materiality matrix belongs to meeting 2, the card to
 * meeting 1). A locked step's areas are read-only for participants, on the server.
 */
export type WriteArea = { root: string; field?: string; exceptField?: string }

export const STEP_AREAS: Readonly<Partial<Record<StepId, readonly WriteArea[]>>> = {
  setup: [
    { root: 'stages' },
    { root: 'units' },
    { root: 'participants' },
    { root: 'segments' },
    { root: 'meta' },
  ],
  meeting1: [
    { root: 'touchpoints' },
    { root: 'pains' },
    { root: 'stageData' },
    { root: 'interventionGroups' },
    { root: 'interventions', exceptField: 'matrix' },
  ],
  meeting2: [
    { root: 'materiality' },
    { root: 'raci' },
    { root: 'subActions' },
    { root: 'interventions', field: 'matrix' },
  ],
  meeting3: [{ root: 'actions' }, { root: 'metrics' }, { root: 'actionMatrix' }],
  meeting4: [{ root: 'waves' }, { root: 'pipeline' }, { root: 'kpis' }, { root: 'goldenRules' }],
  followup: [{ root: 'kpiReadings' }],
  factors: [{ root: 'factors' }],
  personas: [{ root: 'personas' }, { root: 'moments' }],
  culture: [{ root: 'cultureStatements' }],
}

/** Whether a write to `root` (and, within a record, `field`) falls in the area. */
export function inArea(area: WriteArea, root: string, field: string | null): boolean {
  if (area.root !== root) return false
  if (area.field !== undefined) return field === area.field
  if (area.exceptField !== undefined) return field !== area.exceptField
  return true
}

/** The fields people edit together, as Y.Text: they must stay Y.Text. */
export const TEXT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  stages: ['name'],
  units: ['name'],
  segments: ['name'],
  participants: ['name'],
  touchpoints: ['name'],
  pains: ['text', 'evidence'],
  interventionGroups: ['name'],
  interventions: ['title', 'description'],
  subActions: ['title'],
  actions: ['title', 'description', 'owner', 'notes'],
  metrics: ['name'],
  waves: ['name'],
  pipeline: ['owner'],
  kpis: KPI_TEXTS,
  goldenRules: ['text'],
  factors: ['name', 'meaning'],
  cultureStatements: ['text'],
  personas: PERSONA_TEXTS,
  moments: ['excellent'],
  meta: META_TEXT_FIELDS,
}

/** Keys of the workshop's details that only the server writes. */
export const SERVER_META: readonly string[] = ['kind', 'schemaVersion', 'createdAt']

/** Record collections whose records carry no order (keyed by what they describe). */
export const UNORDERED_COLLECTIONS: readonly string[] = ['stageData']
