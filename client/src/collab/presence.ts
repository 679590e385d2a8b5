import { useEffect } from 'react'
import type { Role } from '../../../shared/rooms.ts'
import type { StepId } from '../../../shared/steps.ts'
import { useAwarenessSelection, useAwarenessView } from './awareness-view.ts'
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
  /**
   * The same for every tab of one browser on this workshop (and different on another
   * workshop), so that a person with two tabs open is one person in presence.
   */
  person?: string | undefined
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

/** Everyone online on this workshop (including me), by name: one entry per connection. */
export function usePresence(session: WorkshopSession): Presence[] {
  return useAwarenessView(session, readPresence)
}

/** A part of the presence list: re-renders its reader only when that part changes. */
export function usePresenceSelection<S>(session: WorkshopSession, select: (people: Presence[]) => S): S {
  return useAwarenessSelection(session, readPresence, select)
}

/** One entry per person: a second tab of the same browser is not a second person. */
export function onePerPerson(people: readonly Presence[], myClientId: number): Presence[] {
  const byPerson = new Map<string, Presence>()
  for (const presence of people) {
    const key = presence.person ?? `client:${presence.clientId}`
    const seen = byPerson.get(key)
    // Keep my own tab when it is one of them, so "(you)" shows.
    if (!seen || presence.clientId === myClientId) byPerson.set(key, presence)
  }
  return [...byPerson.values()]
}

/** A short, stable tag for this browser on this workshop that does not reveal the browser's id. */
export function personTag(workshopId: string, browser: string | undefined): string | undefined {
  if (!browser) return undefined
  let hash = 0x811c9dc5
  for (const char of `${workshopId}:${browser}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  return hash.toString(36)
}
