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

/**
 * Reads a plain snapshot from a Y type and re-renders only when that snapshot changes.
 * Subscribes to the smallest type the caller passes; the result is referentially stable
 * while its content is equal, so children can bail out of rendering.
 */
// biome-ignore lint/suspicious/noExplicitAny: any Y type (map, array, text) can be observed
export function useYValue<T>(type: Y.AbstractType<any> | undefined, read: () => T): T {
  const readRef = useRef(read)
  readRef.current = read
  const cache = useRef<{ value: T } | undefined>(undefined)
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!type) return () => {}
      type.observeDeep(notify)
      return () => type.unobserveDeep(notify)
    },
    [type],
  )
  const getSnapshot = () => {
    const next = readRef.current()
    if (cache.current && deepEqual(cache.current.value, next)) return cache.current.value
    cache.current = { value: next }
    return next
  }
  return useSyncExternalStore(subscribe, getSnapshot)
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
