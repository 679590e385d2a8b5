import { useMemo } from 'react'
import { useSession } from './hooks.ts'
import { type Presence, setEditing, usePresence } from './presence.ts'

/** Who else is editing the thing named `target` (e.g. `pains:<id>`), for a card's outline. */
export function useEditors(target: string): Presence[] {
  const session = useSession()
  const people = usePresence(session)
  const me = session.contentProvider.awareness.clientID
  return useMemo(() => people.filter((p) => p.editing === target && p.clientId !== me), [people, target, me])
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
