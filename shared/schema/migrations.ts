import type * as Y from 'yjs'
import { metaMap, readMeta, SCHEMA_VERSION } from './meta.ts'
import { SYSTEM_ORIGIN } from './origin.ts'
import { seedWaves } from './pipeline.ts'

/**
 * Forward-only migrations, by the version they migrate *to*. A room runs them when it loads
 * (on the server), so every client sees one layout. Add one here when SCHEMA_VERSION grows.
 */
const MIGRATIONS: Record<number, (doc: Y.Doc) => void> = {
  // Version 2 brought meeting 4: the pipeline's default waves, in the workshop's language.
  2: (doc) => seedWaves(doc, readMeta(doc).language),
}

/** Brings a content document to SCHEMA_VERSION. Returns whether it changed anything. */
export function migrateDocument(doc: Y.Doc): boolean {
  const meta = metaMap(doc)
  const found = meta.get('schemaVersion')
  if (typeof found !== 'number' || found >= SCHEMA_VERSION) return false
  doc.transact(() => {
    for (let version = found + 1; version <= SCHEMA_VERSION; version++) MIGRATIONS[version]?.(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
  }, SYSTEM_ORIGIN)
  return true
}
