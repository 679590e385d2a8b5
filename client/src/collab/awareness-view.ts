import type { WorkshopSession } from './session.ts'
import { type SharedView, sharedView, useSharedSelection, useSharedView, viewsOf } from './shared-view.ts'

const awarenessViews = viewsOf<WorkshopSession>()

function viewOf<T>(session: WorkshopSession, read: (session: WorkshopSession) => T): SharedView<T> {
  return awarenessViews(session, read, () =>
    sharedView(
      (onChange) => session.contentProvider.awareness.on('change', onChange),
      () => read(session),
    ),
  )
}

/**
 * A value derived from everyone's awareness state (the presence list, live drags, cursors),
 * recomputed once per awareness change however many components read it.
 * `read` must be a module-level function: it names the view.
 */
export function useAwarenessView<T>(session: WorkshopSession, read: (session: WorkshopSession) => T): T {
  return useSharedView(viewOf(session, read))
}

/** One part of an awareness view: its reader re-renders only when that part changes. */
export function useAwarenessSelection<T, S>(
  session: WorkshopSession,
  read: (session: WorkshopSession) => T,
  select: (value: T) => S,
): S {
  return useSharedSelection(viewOf(session, read), select)
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
