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
    // A live drag or cursor changes many times a second: each has its own store.
    const { drag: _drag, cursor: _cursor, ...presence } = state
    people.push({ ...(presence as LocalPresence), clientId })
  }
  return people.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId)
}

/** One presence list per session, recomputed once per awareness change however many read it. */
type PresenceStore = { get: () => Presence[]; subscribe: (listener: () => void) => () => void }
const stores = new WeakMap<WorkshopSession, PresenceStore>()

function presenceStore(session: WorkshopSession): PresenceStore {
  const existing = stores.get(session)
  if (existing) return existing
  const listeners = new Set<() => void>()
  let value = readPresence(session)
  session.contentProvider.awareness.on('change', () => {
    const next = readPresence(session)
    if (deepEqual(value, next)) return
    value = next
    for (const listener of listeners) listener()
  })
  const store: PresenceStore = {
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  stores.set(session, store)
  return store
}

/** Everyone online on this workshop (including me), by name. */
export function usePresence(session: WorkshopSession): Presence[] {
  const store = presenceStore(session)
  return useSyncExternalStore(store.subscribe, store.get)
}
