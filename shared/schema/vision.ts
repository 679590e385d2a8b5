import type * as Y from 'yjs'
import { Map as YMap } from 'yjs'
import type { Language } from '../i18n-language.ts'
import { visionContent } from '../vision-content.ts'
import { controlMap } from './control.ts'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readString, readText, recordsOf } from './records.ts'

/**
 * The CX vision workshop's boards: the distinctiveness factors (the method's six plus custom
 * ones) and the statements of the culture self-assessment, grouped in areas. The facilitator
 * chooses the factors to score (control document: only the facilitator writes it).
 */
export type Factor = { id: string; index: string; name: string; meaning: string; custom: boolean }
export type CultureStatement = { id: string; index: string; area: string; text: string }

export function seedVision(doc: Y.Doc, language: Language): void {
  const content = visionContent(language)
  for (const factor of content.factors) {
    addRecord(doc, 'factors', {
      texts: { name: factor.name, meaning: factor.meaning },
      values: { custom: false },
    })
  }
  for (const { area, statements } of content.culture) {
    for (const text of statements) addRecord(doc, 'cultureStatements', { texts: { text }, values: { area } })
  }
}

export function readFactors(doc: Y.Doc): Factor[] {
  return readRecords(doc, 'factors', (id, record) => ({
    id,
    index: record.get('index') as string,
    name: readText(record, 'name'),
    meaning: readText(record, 'meaning'),
    custom: record.get('custom') === true,
  }))
}

export const addFactor = (doc: Y.Doc, name: string) =>
  addRecord(doc, 'factors', { texts: { name, meaning: '' }, values: { custom: true } })

export function readCultureStatements(doc: Y.Doc): CultureStatement[] {
  return readRecords(doc, 'cultureStatements', (id, record) => ({
    id,
    index: record.get('index') as string,
    area: readString(record, 'area') ?? '',
    text: readText(record, 'text'),
  }))
}

export const addCultureStatement = (doc: Y.Doc, area: string, text: string) =>
  addRecord(doc, 'cultureStatements', { texts: { text }, values: { area } })

export function readChosenFactors(control: Y.Doc): string[] {
  const value = controlMap(control).get('chosenFactors')
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

export function setChosenFactors(control: Y.Doc, ids: readonly string[]): void {
  localAction(control, () => controlMap(control).set('chosenFactors', [...new Set(ids)]))
}

export const MOTIVATIONS = ['incentive', 'fear', 'achievement', 'growth', 'power', 'social'] as const
/** Each slider runs between two poles: 0 = the first (e.g. extrovert), 100 = the second (introvert). */
export const PERSONALITY = ['extroversion', 'sensing', 'thinking', 'judging'] as const
export const PERSONA_TEXTS = [
  'name',
  'occupation',
  'education',
  'status',
  'personality',
  'goals',
  'frustrations',
  'bio',
  'quote',
] as const
export const PERSONA_COLOURS = ['#4338ca', '#0f766e', '#b45309', '#be185d', '#1d4ed8', '#4d7c0f'] as const

export type Persona = {
  id: string
  index: string
  name: string
  age: number | null
  colour: string
  texts: Record<(typeof PERSONA_TEXTS)[number], string>
  sliders: Record<string, number>
}

export function readPersonas(doc: Y.Doc): Persona[] {
  return readRecords(doc, 'personas', (id, record) => {
    const sliders = record.get('sliders')
    const age = record.get('age')
    const colour = record.get('colour')
    return {
      id,
      index: record.get('index') as string,
      name: readText(record, 'name'),
      age: typeof age === 'number' ? age : null,
      colour: typeof colour === 'string' ? colour : PERSONA_COLOURS[0],
      texts: Object.fromEntries(PERSONA_TEXTS.map((f) => [f, readText(record, f)])) as Persona['texts'],
      sliders:
        sliders instanceof YMap
          ? Object.fromEntries([...sliders.entries()].filter(([, v]) => typeof v === 'number'))
          : {},
    }
  })
}

export function addPersona(doc: Y.Doc, name: string, colour: string): string {
  return addRecord(doc, 'personas', {
    texts: Object.fromEntries(PERSONA_TEXTS.map((f) => [f, f === 'name' ? name : ''])),
    values: { age: null, colour, sliders: new YMap<number>() },
  })
}

/** One slider is one key: two people moving different sliders never undo each other. */
export function setPersonaSlider(doc: Y.Doc, id: string, slider: string, value: number): void {
  localAction(doc, () => {
    const sliders = getRecord(doc, 'personas', id)?.get('sliders')
    if (sliders instanceof YMap) sliders.set(slider, Math.min(100, Math.max(0, Math.round(value))))
  })
}

export function setPersonaField(
  doc: Y.Doc,
  id: string,
  field: 'age' | 'colour',
  value: number | string | null,
): void {
  localAction(doc, () => getRecord(doc, 'personas', id)?.set(field, value))
}

/** A moment of truth: a persona at a journey stage, what excellent means there, the factor it expresses. */
export type MomentOfTruth = {
  id: string
  index: string
  personaId: string
  stageId: string
  excellent: string
  factorId: string | null
}

export function readMoments(doc: Y.Doc): MomentOfTruth[] {
  return readRecords(doc, 'moments', (id, record) => {
    const personaId = readString(record, 'personaId')
    const stageId = readString(record, 'stageId')
    if (!personaId || !stageId) return undefined
    return {
      id,
      index: record.get('index') as string,
      personaId,
      stageId,
      excellent: readText(record, 'excellent'),
      factorId: readString(record, 'factorId'),
    }
  })
}

export const addMoment = (doc: Y.Doc, personaId: string, stageId: string) =>
  addRecord(doc, 'moments', { texts: { excellent: '' }, values: { personaId, stageId, factorId: null } })

export function setMomentFactor(doc: Y.Doc, id: string, factorId: string | null): void {
  localAction(doc, () => getRecord(doc, 'moments', id)?.set('factorId', factorId))
}

/** Removing a persona removes its moments of truth, in one undo step. */
export function removePersona(doc: Y.Doc, id: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'personas').delete(id)
    for (const moment of readMoments(doc))
      if (moment.personaId === id) recordsOf(doc, 'moments').delete(moment.id)
  })
}

/** Removing a factor leaves the moments that expressed it without a factor, in one undo step. */
export function removeFactor(doc: Y.Doc, id: string): void {
  localAction(doc, () => {
    recordsOf(doc, 'factors').delete(id)
    for (const moment of readMoments(doc))
      if (moment.factorId === id) getRecord(doc, 'moments', moment.id)?.set('factorId', null)
  })
}
