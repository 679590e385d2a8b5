import * as Y from 'yjs'
import { isLanguage, type Language } from '../i18n-language.ts'
import { CONTENT_COLLECTIONS } from './content.ts'
import { META_TEXT_FIELDS, metaMap, SCHEMA_VERSION } from './meta.ts'
import { SYSTEM_ORIGIN } from './origin.ts'

/** What the server knows of a workshop outside its document, to put back what a bad write took. */
export type RepairFallback = { title: string; organisation: string; language: Language }

/**
 * Puts back what every screen needs to open a content document: the detail texts as Y.Text
 * (a plain string keeps its words, a missing title comes back from the server's record), a
 * valid language, kind and schema version, and record collections holding only records.
 * Runs on the server when a room loads, before the migrations. Returns whether it changed anything.
 */
export function repairDocument(doc: Y.Doc, fallback: RepairFallback): boolean {
  const meta = metaMap(doc)
  const fixes: (() => void)[] = []
  for (const field of META_TEXT_FIELDS) {
    const value = meta.get(field)
    if (value instanceof Y.Text) continue
    const words =
      typeof value === 'string' ? value : field === 'title' || field === 'organisation' ? fallback[field] : ''
    fixes.push(() => meta.set(field, new Y.Text(words)))
  }
  if (!isLanguage(meta.get('language'))) fixes.push(() => meta.set('language', fallback.language))
  const kind = meta.get('kind')
  if (kind !== 'improvement' && kind !== 'vision') fixes.push(() => meta.set('kind', 'improvement'))
  // A document the server loads was migrated when it was first loaded: a version that is not a
  // number was written by a client, not by an older server.
  if (typeof meta.get('schemaVersion') !== 'number')
    fixes.push(() => meta.set('schemaVersion', SCHEMA_VERSION))
  for (const name of CONTENT_COLLECTIONS) {
    const records = doc.getMap<unknown>(name)
    for (const [id, record] of records) {
      if (!(record instanceof Y.Map)) fixes.push(() => records.delete(id))
    }
  }
  if (fixes.length === 0) return false
  doc.transact(() => {
    for (const fix of fixes) fix()
  }, SYSTEM_ORIGIN)
  return true
}
