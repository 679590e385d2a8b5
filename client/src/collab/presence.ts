import { useEffect } from 'react'
import type { Role } from '../../../shared/rooms.ts'
import type { StepId } from '../../../shared/steps.ts'
import { useAwarenessView } from './awareness-view.ts'
import type { WorkshopSession } from './session.ts'

/** What each person shares about themselves through y-protocols awareness. */
export type Presence = {
  clientId: number
  name: string
  colour: string
  unitId: string | null
  role: Role
  step: StepId
  /** What they are editing right now, e.g. `stages:<id>:name`. */
  editing: string | null
}

type LocalPresence = Omit<Presence, 'clientId'>

export function usePublishPresence(session: WorkshopSession, presence: LocalPresence | null): void {
  useEffect(() => {
    if (!presence) return
    session.contentProvider.awareness.setLocalState(presence)
  }, [session, presence])
}

export function setEditing(session: WorkshopSession, editing: string | null): void {
  session.contentProvider.awareness.setLocalStateField('editing', editing)
}

function readPresence(session: WorkshopSession): Presence[] {
  const people: Presence[] = []
  for (const [clientId, state] of session.contentProvider.awareness.getStates()) {
    if (typeof state.name !== 'string' || !state.name) continue
    // A live drag or cursor changes many times a second: each has its own store.
    const { drag: _drag, cursor: _cursor, ...presence } = state
    people.push({ ...(presence as LocalPresence), clientId })
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** Everyone online on this workshop (including me), by name. */
export function usePresence(session: WorkshopSession): Presence[] {
  return useAwarenessView(session, readPresence)
}
