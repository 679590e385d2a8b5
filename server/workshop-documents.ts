import { demoContent } from '../shared/demo.ts'
import type { Language } from '../shared/i18n-language.ts'
import { roomName } from '../shared/rooms.ts'
import { initialWorkshopUpdates, type NewWorkshop } from '../shared/schema/init.ts'

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
