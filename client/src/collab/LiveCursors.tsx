import { useEffect, useRef, useSyncExternalStore } from 'react'
import { deepEqual } from '../lib/deep-equal.ts'
import { useUi } from '../state/ui.ts'
import { useSession } from './hooks.ts'
import type { WorkshopSession } from './session.ts'

/** A pointer over a shared board, as a share of the board's width and height. */
type Cursor = { target: string; x: number; y: number }
type RemoteCursor = Cursor & { clientId: number; name: string; colour: string }

const SEND_EVERY_MS = 60

function readCursors(session: WorkshopSession): RemoteCursor[] {
  const me = session.contentProvider.awareness.clientID
  const cursors: RemoteCursor[] = []
  for (const [clientId, state] of session.contentProvider.awareness.getStates()) {
    const cursor = state.cursor as Cursor | null | undefined
    if (clientId === me || !cursor || typeof cursor.x !== 'number' || typeof cursor.y !== 'number') continue
    cursors.push({
      ...cursor,
      clientId,
      name: String(state.name ?? ''),
      colour: String(state.colour ?? '#475569'),
    })
  }
  return cursors
}

const stores = new WeakMap<
  WorkshopSession,
  { get: () => RemoteCursor[]; subscribe: (l: () => void) => () => void }
>()

function cursorStore(session: WorkshopSession) {
  let store = stores.get(session)
  if (store) return store
  const listeners = new Set<() => void>()
  let value = readCursors(session)
  session.contentProvider.awareness.on('change', () => {
    const next = readCursors(session)
    if (deepEqual(value, next)) return
    value = next
    for (const listener of listeners) listener()
  })
  store = {
    get: () => value,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
  stores.set(session, store)
  return store
}

/**
 * Everyone's pointer over a board (the journey map, a matrix), sent through awareness at most
 * every 60 ms and drawn with the person's name. Place it inside the board's positioned
 * container; "Show others' cursors" off stops both sending and drawing.
 */
export function LiveCursors({ target }: { target: string }) {
  const session = useSession()
  const on = useUi((s) => s.showCursors)
  const overlay = useRef<HTMLDivElement>(null)
  const store = cursorStore(session)
  const cursors = useSyncExternalStore(store.subscribe, store.get).filter((c) => c.target === target)

  useEffect(() => {
    const board = overlay.current?.parentElement
    const awareness = session.contentProvider.awareness
    if (!board || !on) return
    let last = 0
    let pending: number | undefined
    const move = (event: PointerEvent) => {
      const box = board.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) return
      const cursor = {
        target,
        x: (event.clientX - box.left) / box.width,
        y: (event.clientY - box.top) / box.height,
      }
      const send = () => {
        last = performance.now()
        awareness.setLocalStateField('cursor', cursor)
      }
      window.clearTimeout(pending)
      const wait = SEND_EVERY_MS - (performance.now() - last)
      if (wait <= 0) send()
      else pending = window.setTimeout(send, wait)
    }
    const leave = () => {
      window.clearTimeout(pending)
      awareness.setLocalStateField('cursor', null)
    }
    board.addEventListener('pointermove', move)
    board.addEventListener('pointerleave', leave)
    return () => {
      board.removeEventListener('pointermove', move)
      board.removeEventListener('pointerleave', leave)
      leave()
    }
  }, [session, target, on])

  return (
    <div
      ref={overlay}
      aria-hidden="true"
      className="pointer-events-none absolute inset-0 z-30 overflow-hidden"
    >
      {on &&
        cursors.map((c) => (
          <div
            key={c.clientId}
            className="absolute flex items-start gap-0.5 transition-[left,top] duration-75"
            style={{ left: `${c.x * 100}%`, top: `${c.y * 100}%` }}
            data-testid="live-cursor"
          >
            <svg width="14" height="18" viewBox="0 0 14 18" aria-hidden="true">
              <path d="M1 1 L13 10 L7 11 L4 17 Z" fill={c.colour} stroke="white" strokeWidth="1.2" />
            </svg>
            <span
              className="rounded px-1 text-[10px] whitespace-nowrap text-white"
              style={{ backgroundColor: c.colour }}
            >
              {c.name}
            </span>
          </div>
        ))}
    </div>
  )
}
