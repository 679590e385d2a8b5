import * as Y from 'yjs'
import type { Language } from '../i18n-language.ts'
import type { WorkshopKind } from '../steps.ts'
import { localAction } from './origin.ts'

/** Version of the content document's layout; bump it with a migration in migrations.ts. */
export const SCHEMA_VERSION = 2

export type MetaTextField = 'title' | 'organisation' | 'focus'
export const META_TEXT_FIELDS: readonly MetaTextField[] = ['title', 'organisation', 'focus']

export type WorkshopMeta = {
  schemaVersion: number
  title: string
  organisation: string
  focus: string
  language: Language
  kind: WorkshopKind
}

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>('meta')

export function metaText(doc: Y.Doc, field: MetaTextField): Y.Text {
  const value = findMetaText(doc, field)
  if (value) return value
  throw new Error(`workshop document has no ${field} text: it was not initialised by the server`)
}

/** The shared text of a detail, or undefined when a bad write removed or replaced it. */
export function findMetaText(doc: Y.Doc, field: MetaTextField): Y.Text | undefined {
  const value = metaMap(doc).get(field)
  return value instanceof Y.Text ? value : undefined
}

export function readMeta(doc: Y.Doc): WorkshopMeta {
  const meta = metaMap(doc)
  const text = (field: MetaTextField) => {
    const value = meta.get(field)
    return value instanceof Y.Text ? value.toString() : ''
  }
  const language = meta.get('language')
  const version = meta.get('schemaVersion')
  return {
    schemaVersion: typeof version === 'number' ? version : 0,
    title: text('title'),
    organisation: text('organisation'),
    focus: text('focus'),
    language: language === 'en' ? 'en' : 'it',
    kind: meta.get('kind') === 'vision' ? 'vision' : 'improvement',
  }
}

export function setWorkshopLanguage(doc: Y.Doc, language: Language): void {
  localAction(doc, () => metaMap(doc).set('language', language))
}

/** Seeds a new content document. Runs once, on the server, when the workshop is created. */
export function initMeta(
  doc: Y.Doc,
  input: { title: string; organisation: string; language: Language; kind?: WorkshopKind | undefined },
): void {
  const meta = metaMap(doc)
  meta.set('schemaVersion', SCHEMA_VERSION)
  meta.set('title', new Y.Text(input.title))
  meta.set('organisation', new Y.Text(input.organisation))
  meta.set('focus', new Y.Text(''))
  meta.set('language', input.language)
  meta.set('kind', input.kind ?? 'improvement')
  meta.set('createdAt', Date.now())
}
