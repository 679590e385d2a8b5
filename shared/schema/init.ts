import * as Y from 'yjs'
import { demoContent } from '../demo.ts'
import type { Language } from '../i18n-language.ts'
import { controlMap } from './control.ts'
import { initMeta, metaText } from './meta.ts'
import { SYSTEM_ORIGIN } from './origin.ts'
import { addNamed, addParticipant } from './setup.ts'

export type NewWorkshop = { title: string; organisation: string; language: Language; demo: boolean }

/**
 * The first state (the seeding runs inside one SYSTEM_ORIGIN transaction, so nothing of it is
 * anyone's undo step) of a workshop's two documents, as Yjs updates. Seeded once by the server so
 * that no two clients ever create the same top-level text concurrently.
 */
export function initialWorkshopUpdates(input: NewWorkshop): { content: Uint8Array; control: Uint8Array } {
  const content = new Y.Doc()
  content.transact(() => {
    initMeta(content, input)
    if (input.demo) fillDemo(content, input.language)
  }, SYSTEM_ORIGIN)
  const control = new Y.Doc()
  control.transact(() => controlMap(control).set('step', 'setup'), SYSTEM_ORIGIN)
  return { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) }
}

function fillDemo(doc: Y.Doc, language: Language): void {
  const demo = demoContent(language)
  metaText(doc, 'focus').insert(0, demo.focus)
  for (const stage of demo.stages) addNamed(doc, 'stages', stage)
  for (const segment of demo.segments) addNamed(doc, 'segments', segment)
  const unitIds = demo.units.map((unit) => addNamed(doc, 'units', unit))
  for (const person of demo.participants) {
    addParticipant(doc, person.name, unitIds[person.unit] ?? null)
  }
}
