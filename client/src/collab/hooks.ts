import { useCallback, useContext, useRef, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { deepEqual } from '../lib/deep-equal.ts'
import type { WorkshopSession } from './session.ts'
import { SessionContext } from './session-context.ts'

export function useSession(): WorkshopSession {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a workshop')
  return session
}

/** A snapshot that keeps its identity while its content is equal, so children can skip rendering. */
function useStableSnapshot<T>(subscribe: (notify: () => void) => () => void, read: () => T): T {
  const readRef = useRef(read)
  readRef.current = read
  const cache = useRef<{ value: T } | undefined>(undefined)
  // React asks for the snapshot several times per render and change; the document is read again
  // only after a change or in a new render (whose `read` may differ), not at every ask.
  const stale = useRef(true)
  stale.current = true
  const notifying = useCallback(
    (notify: () => void) => {
      // A change between the render and this subscription had no one to tell: read again.
      stale.current = true
      return subscribe(() => {
        stale.current = true
        notify()
      })
    },
    [subscribe],
  )
  const getSnapshot = () => {
    if (!stale.current && cache.current) return cache.current.value
    stale.current = false
    const next = readRef.current()
    if (cache.current && deepEqual(cache.current.value, next)) return cache.current.value
    cache.current = { value: next }
    return next
  }
  return useSyncExternalStore(notifying, getSnapshot)
}

/**
 * Reads a plain snapshot from a Y type and re-renders only when that snapshot changes.
 * Subscribes to the smallest type the caller passes: one card's edit re-renders one card.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Y type (map, array, text) can be observed
export function useYValue<T>(type: Y.AbstractType<any> | undefined, read: () => T): T {
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!type) return () => {}
      type.observeDeep(notify)
      return () => type.unobserveDeep(notify)
    },
    [type],
  )
  return useStableSnapshot(subscribe, read)
}

/** For views derived from several parts of a document, or of both (a summary): re-read on any change. */
export function useDocValue<T>(docs: Y.Doc | readonly [Y.Doc, Y.Doc], read: () => T): T {
  const [first, second] = Array.isArray(docs) ? docs : [docs as Y.Doc, undefined]
  const subscribe = useCallback(
    (notify: () => void) => {
      first.on('update', notify)
      second?.on('update', notify)
      return () => {
        first.off('update', notify)
        second?.off('update', notify)
      }
    },
    [first, second],
  )
  return useStableSnapshot(subscribe, read)
}

export function useConnectionState() {
  const session = useSession()
  return useSyncExternalStore(session.subscribe, () => session.connectionState)
}

export function useAccessProblem(session: WorkshopSession) {
  return useSyncExternalStore(session.subscribe, () => session.problem)
}

export function useSessionLoaded(session: WorkshopSession) {
  return useSyncExternalStore(session.subscribe, () => session.isLoaded)
}
