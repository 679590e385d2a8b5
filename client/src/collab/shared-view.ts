import { useRef, useSyncExternalStore } from 'react'
import { deepEqual } from '../lib/deep-equal.ts'

/** A value many components read, computed once per change of its source. */
export type SharedView<T> = { get: () => T; subscribe: (listener: () => void) => () => void }

/**
 * Recomputes `read` once when `listen` reports a change, however many components read it, and
 * hands the value out with the same identity while it is equal, so readers re-render only when
 * it really changes. The view listens as long as its source lives (a session, a document).
 */
export function sharedView<T>(listen: (onChange: () => void) => void, read: () => T): SharedView<T> {
  const listeners = new Set<() => void>()
  let value = read()
  listen(() => {
    const next = read()
    if (deepEqual(value, next)) return
    value = next
    for (const listener of listeners) listener()
  })
  return {
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** The views of one source, one per (module-level) read function: the function names the view. */
export function viewsOf<Source extends object>() {
  const bySource = new WeakMap<Source, Map<unknown, SharedView<unknown>>>()
  return <T>(source: Source, read: (source: Source) => T, make: () => SharedView<T>): SharedView<T> => {
    let views = bySource.get(source)
    if (!views) {
      views = new Map()
      bySource.set(source, views)
    }
    let view = views.get(read) as SharedView<T> | undefined
    if (!view) {
      view = make()
      views.set(read, view as SharedView<unknown>)
    }
    return view
  }
}

export function useSharedView<T>(view: SharedView<T>): T {
  return useSyncExternalStore(view.subscribe, view.get)
}

/**
 * One part of a shared view (who is editing one card, one card's votes): the reader re-renders
 * only when its part changes. `select` should be memoised (a new one is applied again).
 */
export function useSharedSelection<T, S>(view: SharedView<T>, select: (value: T) => S): S {
  const cache = useRef<{ source: T; select: (value: T) => S; selected: S } | null>(null)
  const getSnapshot = () => {
    const source = view.get()
    const cached = cache.current
    if (cached && cached.source === source && cached.select === select) return cached.selected
    const next = select(source)
    const selected = cached && deepEqual(cached.selected, next) ? cached.selected : next
    cache.current = { source, select, selected }
    return selected
  }
  return useSyncExternalStore(view.subscribe, getSnapshot)
}
