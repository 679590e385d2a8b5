import { useEffect, useSyncExternalStore } from 'react'
import type { Role } from '../../../shared/rooms.ts'
import type { StepId } from '../../../shared/steps.ts'
import { deepEqual } from '../lib/deep-equal.ts'
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
    people.push({ ...(state as LocalPresence), clientId })
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

const cache = new WeakMap<WorkshopSession, Presence[]>()

/** Everyone online on this workshop (including me), by name. */
export function usePresence(session: WorkshopSession): Presence[] {
  return useSyncExternalStore(
    (notify) => {
      session.contentProvider.awareness.on('change', notify)
      return () => session.contentProvider.awareness.off('change', notify)
    },
    () => {
      const next = readPresence(session)
      const previous = cache.get(session)
      if (previous && deepEqual(previous, next)) return previous
      cache.set(session, next)
      return next
    },
  )
}
