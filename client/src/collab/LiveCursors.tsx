import { useEffect, useRef } from 'react'
import { useUi } from '../state/ui.ts'
import { throttledField, useAwarenessView } from './awareness-view.ts'
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

/**
 * Everyone's pointer over a board (the journey map, a matrix), sent through awareness at most
 * every 60 ms and drawn with the person's name. Place it inside the board's positioned
 * container; "Show others' cursors" off stops both sending and drawing.
 */
export function LiveCursors({ target }: { target: string }) {
  const session = useSession()
  const on = useUi((s) => s.showCursors)
  const overlay = useRef<HTMLDivElement>(null)
  const cursors = useAwarenessView(session, readCursors).filter((c) => c.target === target)

  useEffect(() => {
    const board = overlay.current?.parentElement
    if (!board || !on) return
    const publish = throttledField(session, 'cursor', SEND_EVERY_MS)
    const move = (event: PointerEvent) => {
      const box = board.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) return
      const cursor = {
        target,
        x: (event.clientX - box.left) / box.width,
        y: (event.clientY - box.top) / box.height,
      }
      publish(cursor)
    }
    const leave = () => publish(null)
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
