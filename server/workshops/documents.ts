import * as Y from 'yjs'
import { demoContent } from '../../shared/demo.ts'
import type { Language } from '../../shared/i18n-language.ts'
import { roomName } from '../../shared/rooms.ts'
import { initialWorkshopUpdates, type NewWorkshop } from '../../shared/schema/init.ts'
import { migrateDocument } from '../../shared/schema/migrations.ts'
import { SYSTEM_ORIGIN } from '../../shared/schema/origin.ts'
import { repairDocument } from '../../shared/schema/repair.ts'
import { importWorkshop, type WorkshopExport } from '../../shared/schema/workshop-export.ts'
import type { WorkshopRecord } from '../persistence/store.ts'

/** Fills in a demo workshop's title and organisation when the request leaves them out. */
export function resolveWorkshopInput(body: {
  title?: string | undefined
  organisation?: string | undefined
  language: Language
  demo: boolean
}): NewWorkshop {
  const demo = body.demo ? demoContent(body.language) : undefined
  return {
    title: body.title || demo?.title || '',
    organisation: body.organisation || demo?.organisation || '',
    language: body.language,
    demo: body.demo,
  }
}

/** The stored first state of a new workshop's rooms, keyed by room name. */
export function createInitialDocuments(id: string, input: NewWorkshop): Record<string, Uint8Array> {
  const { content, control } = initialWorkshopUpdates(input)
  return { [roomName(id, 'content')]: content, [roomName(id, 'control')]: control }
}

/** The first state of a workshop imported from a JSON export (already validated). */
export function importedDocuments(id: string, data: WorkshopExport): Record<string, Uint8Array> {
  const content = new Y.Doc()
  const control = new Y.Doc()
  content.transact(() => {
    control.transact(() => importWorkshop(content, control, data), SYSTEM_ORIGIN)
  }, SYSTEM_ORIGIN)
  return {
    [roomName(id, 'content')]: Y.encodeStateAsUpdate(content),
    [roomName(id, 'control')]: Y.encodeStateAsUpdate(control),
  }
}

/**
 * Run on a content document as its room loads: repairs what a bad write broke (with the
 * workshop's record for the title), then migrates. Returns the change to store, or null.
 */
export function repairAndMigrate(doc: Y.Doc, workshop: WorkshopRecord | undefined): Uint8Array | null {
  const before = Y.encodeStateVector(doc)
  const fallback = {
    title: workshop?.title ?? '',
    organisation: workshop?.organisation ?? '',
    language: workshop?.language ?? 'it',
  }
  const repaired = repairDocument(doc, fallback)
  const migrated = migrateDocument(doc)
  return repaired || migrated ? Y.encodeStateAsUpdate(doc, before) : null
}
