import type * as Y from 'yjs'
import type { Language } from '../i18n-language.ts'
import { visionContent } from '../vision-content.ts'
import { controlMap } from './control.ts'
import { localAction } from './origin.ts'
import { addRecord, readRecords, readString, readText } from './records.ts'

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
