import * as Y from 'yjs'
import { isLanguage } from '../../shared/i18n-language.ts'
import type { Role } from '../../shared/rooms.ts'
import { CONTENT_COLLECTIONS, CONTENT_MAPS } from '../../shared/schema/content.ts'
import { ACTION_UPDATES, FOLLOW_UP_META, REVIEWS } from '../../shared/schema/follow-up.ts'
import {
  inArea,
  SERVER_META,
  STEP_AREAS,
  TEXT_FIELDS,
  UNORDERED_COLLECTIONS,
} from '../../shared/schema/write-areas.ts'
import type { StepId } from '../../shared/steps.ts'
import type { Touch } from './touches.ts'

/** Why a write is refused: the rule, and what it protects (the client says it in words). */
export type Violation =
  | { rule: 'locked'; step: StepId }
  | { rule: 'frozen'; what: 'culture-statements' }
  | { rule: 'server-only'; what: string }
  | { rule: 'facilitator-only'; what: string }
  | { rule: 'shape'; what: string }

export type WriteContext = {
  role: Role
  locks: readonly StepId[]
  /** The culture rating has opened: its statements no longer change. */
  cultureFrozen: boolean
}

const KNOWN_ROOTS = new Set<string>(['meta', ...CONTENT_COLLECTIONS, ...CONTENT_MAPS])
const COLLECTIONS = new Set<string>(CONTENT_COLLECTIONS)

/**
 * The write rules, checked by the server on every content update once it is applied to the
 * room (a refused one is reverted before anyone receives it): locked steps for participants,
 * what the product freezes or keeps for the server, and the document's shape, whoever writes.
 */
export function violations(doc: Y.Doc, touches: readonly Touch[], context: WriteContext): Violation[] {
  const found: Violation[] = []
  const lockedAreas =
    context.role === 'facilitator'
      ? []
      : context.locks.flatMap((step) => (STEP_AREAS[step] ?? []).map((area) => ({ step, area })))
  for (const touch of touches) {
    const locked = lockedAreas.find(({ area }) => inArea(area, touch.root, touch.field))
    if (locked) found.push({ rule: 'locked', step: locked.step })
    if (touch.root === 'cultureStatements') {
      if (context.cultureFrozen) found.push({ rule: 'frozen', what: 'culture-statements' })
      else if (context.role !== 'facilitator')
        found.push({ rule: 'facilitator-only', what: 'culture-statements' })
    }
    // The history of an action is the server's: it checks who may update and stamps who and when.
    if (touch.root === ACTION_UPDATES) found.push({ rule: 'server-only', what: ACTION_UPDATES })
    if (
      touch.root === 'meta' &&
      context.role !== 'facilitator' &&
      (FOLLOW_UP_META as readonly (string | null)[]).includes(touch.record)
    )
      found.push({ rule: 'facilitator-only', what: 'follow-up-settings' })
    if (touch.root === REVIEWS && context.role !== 'facilitator')
      found.push({ rule: 'facilitator-only', what: 'follow-up-reviews' })
    const shape = shapeProblem(doc, touch)
    if (shape) found.push(shape)
  }
  return found
}

function shapeProblem(doc: Y.Doc, { root, record, field }: Touch): Violation | null {
  // Other roots are no screen's business (load tools write their own): not checked.
  if (!KNOWN_ROOTS.has(root)) return null
  if (root === 'meta') {
    if (record === null) return null
    if (SERVER_META.includes(record)) return { rule: 'server-only', what: `meta.${record}` }
    const value = doc.getMap('meta').get(record)
    if (TEXT_FIELDS.meta!.includes(record) && !(value instanceof Y.Text))
      return { rule: 'shape', what: `meta.${record} must stay shared text` }
    if (record === 'language' && !isLanguage(value)) return { rule: 'shape', what: 'meta.language' }
    return null
  }
  if (!COLLECTIONS.has(root) || record === null) return null
  const value = doc.getMap(root).get(record)
  if (value === undefined) return null
  if (!(value instanceof Y.Map)) return { rule: 'shape', what: `${root}.${record} must be a record` }
  if (!UNORDERED_COLLECTIONS.includes(root) && typeof value.get('index') !== 'string')
    return { rule: 'shape', what: `${root}.${record} needs its index` }
  for (const text of TEXT_FIELDS[root] ?? []) {
    const kept = value.get(text) instanceof Y.Text
    if ((field === text && !kept) || (field === null && value.has(text) && !kept))
      return { rule: 'shape', what: `${root}.${record}.${text} must stay shared text` }
  }
  return null
}

/** A violation as the room reports it: the rule for metrics, a code the client puts in words. */
export function refusalOf(violation: Violation): { rule: string; reason: string } {
  const detail = violation.rule === 'locked' ? violation.step : violation.what
  return { rule: violation.rule, reason: `${violation.rule}:${detail}` }
}
