import { useSyncExternalStore } from 'react'
import { deepEqual } from '../lib/deep-equal.ts'
import type { WorkshopSession } from './session.ts'

type View<T> = { get: () => T; subscribe: (listener: () => void) => () => void }
const views = new WeakMap<WorkshopSession, Map<unknown, View<unknown>>>()

/**
 * A value derived from everyone's awareness state (the presence list, live drags, cursors),
 * recomputed once per awareness change however many components read it, and handed out with
 * the same identity while it is equal, so readers re-render only when it really changes.
 * `read` must be a module-level function: it names the view.
 */
export function useAwarenessView<T>(session: WorkshopSession, read: (session: WorkshopSession) => T): T {
  let bySession = views.get(session)
  if (!bySession) {
    bySession = new Map()
    views.set(session, bySession)
  }
  let view = bySession.get(read) as View<T> | undefined
  if (!view) {
    const listeners = new Set<() => void>()
    let value = read(session)
    session.contentProvider.awareness.on('change', () => {
      const next = read(session)
      if (deepEqual(value, next)) return
      value = next
      for (const listener of listeners) listener()
    })
    view = {
      get: () => value,
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    bySession.set(read, view as View<unknown>)
  }
  return useSyncExternalStore(view.subscribe, view.get)
}

/**
 * Sets one awareness field at most every `everyMs`, keeping the latest value; clearing it
 * (null) is sent at once. For things that move many times a second (a drag, a pointer).
 */
export function throttledField(session: WorkshopSession, field: string, everyMs: number) {
  let last = 0
  let pending: number | undefined
  return (value: unknown) => {
    window.clearTimeout(pending)
    const send = () => {
      last = performance.now()
      session.contentProvider.awareness.setLocalStateField(field, value)
    }
    const wait = everyMs - (performance.now() - last)
    if (value === null || wait <= 0) send()
    else pending = window.setTimeout(send, wait)
  }
}
