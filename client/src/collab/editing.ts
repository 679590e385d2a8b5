import { useCallback, useMemo } from 'react'
import { useSession } from './hooks.ts'
import { type Presence, setEditing, usePresenceSelection } from './presence.ts'

/**
 * Who else is editing the thing named `target` (e.g. `pains:<id>`), for a card's outline. A
 * board of 300 cards re-renders the one card someone starts or stops editing, not all of them.
 */
export function useEditors(target: string): Presence[] {
  const session = useSession()
  const me = session.contentProvider.awareness.clientID
  const select = useCallback(
    (people: Presence[]) => people.filter((p) => p.editing === target && p.clientId !== me),
    [target, me],
  )
  return usePresenceSelection(session, select)
}

/** Focus and blur handlers that tell the others what I am editing. */
export function useEditingHandlers(target: string) {
  const session = useSession()
  return useMemo(
    () => ({
      onFocus: () => setEditing(session, target),
      onBlur: () => setEditing(session, null),
    }),
    [session, target],
  )
}
