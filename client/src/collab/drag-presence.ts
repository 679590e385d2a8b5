import { useSyncExternalStore } from 'react'
import type { MatrixPoint } from '../../../shared/domain/materiality.ts'
import { deepEqual } from '../lib/deep-equal.ts'
import type { WorkshopSession } from './session.ts'

/**
 * A card someone is dragging on a matrix right now, shared through awareness (not the
 * document): the others see it move live, and only the drop becomes an edit.
 */
export type LiveDrag = MatrixPoint & { target: string }
export type RemoteDrag = LiveDrag & { name: string; colour: string; clientId: number }

/** Awareness changes at most this often per dragging person: smooth to see, light on the wire. */
const PUBLISH_EVERY_MS = 50

const lastPublished = new WeakMap<WorkshopSession, { at: number; timer: number | undefined }>()

export function publishDrag(session: WorkshopSession, drag: LiveDrag | null): void {
  const awareness = session.contentProvider.awareness
  const state = lastPublished.get(session) ?? { at: 0, timer: undefined }
  lastPublished.set(session, state)
  window.clearTimeout(state.timer)
  const send = () => {
    state.at = performance.now()
    awareness.setLocalStateField('drag', drag)
  }
  const wait = PUBLISH_EVERY_MS - (performance.now() - state.at)
  // The end of a drag is always sent at once; moves in between are throttled, the last one kept.
  if (drag === null || wait <= 0) send()
  else state.timer = window.setTimeout(send, wait)
}

function readDrags(session: WorkshopSession): RemoteDrag[] {
  const me = session.contentProvider.awareness.clientID
  const drags: RemoteDrag[] = []
  for (const [clientId, state] of session.contentProvider.awareness.getStates()) {
    const drag = state.drag as LiveDrag | null | undefined
    if (clientId === me || !drag || typeof drag.target !== 'string') continue
    if (typeof drag.x !== 'number' || typeof drag.y !== 'number') continue
    drags.push({
      ...drag,
      clientId,
      name: String(state.name ?? ''),
      colour: String(state.colour ?? '#475569'),
    })
  }
  return drags
}

type DragStore = { get: () => RemoteDrag[]; subscribe: (listener: () => void) => () => void }
const stores = new WeakMap<WorkshopSession, DragStore>()

function dragStore(session: WorkshopSession): DragStore {
  const existing = stores.get(session)
  if (existing) return existing
  const listeners = new Set<() => void>()
  let value = readDrags(session)
  session.contentProvider.awareness.on('change', () => {
    const next = readDrags(session)
    if (deepEqual(value, next)) return
    value = next
    for (const listener of listeners) listener()
  })
  const store: DragStore = {
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  stores.set(session, store)
  return store
}

/** What the others are dragging right now, on any matrix. */
export function useRemoteDrags(session: WorkshopSession): RemoteDrag[] {
  const store = dragStore(session)
  return useSyncExternalStore(store.subscribe, store.get)
}
