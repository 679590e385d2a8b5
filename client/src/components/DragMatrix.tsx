import {
  DndContext,
  type DragStartEvent,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react'
import type { MatrixPoint } from '../../../shared/domain/materiality.ts'
import { publishDrag, type RemoteDrag, useRemoteDrags } from '../collab/drag-presence.ts'
import { useSession } from '../collab/hooks.ts'
import { LiveCursors } from '../collab/LiveCursors.tsx'
import { useTranslation } from '../i18n/translation.tsx'

export type MatrixItem = {
  id: string
  /** The short label drawn on the dot (a number, maybe with a mark such as ★). */
  mark: string
  title: string
  /** 0-100 on both axes. */
  point: MatrixPoint
  /** Tailwind classes of the dot: colour plus border; the mark carries the meaning too. */
  tone: string
  highlighted?: boolean
}

export type Corners = { topLeft: string; topRight: string; bottomLeft: string; bottomRight: string }

type Props = {
  /** Names this chart among the others (awareness targets, test ids). */
  name: string
  items: readonly MatrixItem[]
  xLabel: string
  yLabel: string
  /** Where the quadrant lines cross, 0-100 on each axis. */
  threshold: MatrixPoint
  corners: Corners
  /** Which quadrant is the good one, tinted. */
  goodCorner: 'topRight' | 'topLeft'
  xTicks: [string, string, string]
  /** How far an arrow key moves a card, and Shift + arrow. */
  step: MatrixPoint
  bigStep: MatrixPoint
  readOnly: boolean
  help: string
  caption: string
  /** The spoken position of a card, e.g. "62 across, 40 up, high for both". */
  describePoint: (id: string, point: MatrixPoint) => string
  /** Stores a move (drop or key); returns where the card really lands (after snapping). */
  onMove: (id: string, point: MatrixPoint) => MatrixPoint
  /** Drawn under the cards (e.g. spread crosses). */
  children?: ReactNode
}

const clamp = (point: MatrixPoint): MatrixPoint => ({
  x: Math.min(100, Math.max(0, point.x)),
  y: Math.min(100, Math.max(0, point.y)),
})

function pointerOf(event: Event | null): { x: number; y: number } | null {
  if (!event) return null
  if ('touches' in event) {
    const touch = (event as TouchEvent).touches[0] ?? (event as TouchEvent).changedTouches[0]
    return touch ? { x: touch.clientX, y: touch.clientY } : null
  }
  const { clientX, clientY } = event as PointerEvent
  return typeof clientX === 'number' ? { x: clientX, y: clientY } : null
}

/**
 * A square chart with quadrant lines whose cards move by mouse or finger (the others watch the
 * move live through awareness; only the drop is an edit), by arrow keys, or elsewhere by typing.
 * The drop is computed from the pointer itself, not from a rendered frame, so a quick flick
 * lands where the finger left it.
 */
export function DragMatrix(props: Props) {
  const { name, items, threshold, readOnly, describePoint, onMove } = props
  const session = useSession()
  const area = useRef<HTMLDivElement>(null)
  const helpId = useId()
  const [live, setLive] = useState<{ id: string; point: MatrixPoint } | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const remote = useRemoteDrags(session)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 3 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 120, tolerance: 8 } }),
  )
  const target = (id: string) => `${name}:${id}`
  /** Where each card is drawn now (maybe where someone else is dragging it): a drag starts there. */
  const shown = useRef(new Map<string, MatrixPoint>())
  const drag = useRef<{
    id: string
    from: MatrixPoint
    pointerFrom: { x: number; y: number }
    pointer: { x: number; y: number }
    stop: () => void
  } | null>(null)

  const current = (): { id: string; point: MatrixPoint } | null => {
    const d = drag.current
    const size = area.current?.getBoundingClientRect()
    if (!d || !size || size.width === 0) return null
    return {
      id: d.id,
      point: clamp({
        x: d.from.x + ((d.pointer.x - d.pointerFrom.x) / size.width) * 100,
        y: d.from.y - ((d.pointer.y - d.pointerFrom.y) / size.height) * 100,
      }),
    }
  }
  const onDragStart = (event: DragStartEvent) => {
    const id = String(event.active.id)
    const from = shown.current.get(id)
    const pointerFrom = pointerOf(event.activatorEvent)
    if (!from || !pointerFrom) return
    const follow = (e: Event) => {
      const p = pointerOf(e)
      if (!p || !drag.current) return
      drag.current.pointer = p
      const next = current()
      if (!next) return
      setLive(next)
      publishDrag(session, { target: target(id), ...next.point })
    }
    window.addEventListener('pointermove', follow, { capture: true })
    window.addEventListener('touchmove', follow, { capture: true })
    const stop = () => {
      window.removeEventListener('pointermove', follow, { capture: true })
      window.removeEventListener('touchmove', follow, { capture: true })
    }
    drag.current = { id, from, pointerFrom, pointer: pointerFrom, stop }
  }
  const finish = (drop: boolean) => {
    const next = current()
    drag.current?.stop()
    drag.current = null
    setLive(null)
    publishDrag(session, null)
    if (drop && next) onMove(next.id, next.point)
  }
  const nudge = (id: string, event: KeyboardEvent) => {
    const point = items.find((i) => i.id === id)?.point
    if (!point || readOnly) return
    const step = event.shiftKey ? props.bigStep : props.step
    const moves: Record<string, MatrixPoint> = {
      ArrowLeft: { x: point.x - step.x, y: point.y },
      ArrowRight: { x: point.x + step.x, y: point.y },
      ArrowUp: { x: point.x, y: point.y + step.y },
      ArrowDown: { x: point.x, y: point.y - step.y },
    }
    const next = moves[event.key]
    if (!next) return
    event.preventDefault()
    const landed = onMove(id, clamp(next))
    setAnnouncement(`${items.find((i) => i.id === id)?.title}: ${describePoint(id, landed)}`)
  }

  return (
    <figure className="grid gap-2" aria-label={props.caption}>
      <p id={helpId} className="text-sm text-slate-700">
        {props.help}
      </p>
      <div className="grid grid-cols-[auto_1fr] gap-2">
        <div className="flex items-center">
          <span className="[writing-mode:vertical-rl] rotate-180 text-sm font-semibold">
            {props.yLabel} ↑
          </span>
        </div>
        <DndContext
          sensors={sensors}
          onDragStart={onDragStart}
          onDragEnd={() => finish(true)}
          onDragCancel={() => finish(false)}
        >
          <div className="relative aspect-square w-full max-w-[min(80vh,44rem)] rounded border-2 border-slate-400 bg-white">
            {/* The scale sits inset from the border, so cards at 0 or 100 stay inside the frame. */}
            <div ref={area} className="absolute inset-7" data-testid={`${name}-matrix`}>
              <LiveCursors target={name} />
              <Quadrants
                threshold={threshold}
                corners={props.corners}
                good={props.goodCorner}
                ticks={props.xTicks}
              />
              {props.children}
              {items.map((item) => {
                const dragging = remote.find((d) => d.target === target(item.id))
                const point = live?.id === item.id ? live.point : (dragging ?? item.point)
                shown.current.set(item.id, { x: point.x, y: point.y })
                return (
                  <MatrixCard
                    key={item.id}
                    item={item}
                    point={{ x: point.x, y: point.y }}
                    description={describePoint(item.id, point)}
                    helpId={helpId}
                    movedBy={live?.id === item.id ? undefined : dragging}
                    readOnly={readOnly}
                    onKeyDown={(event) => nudge(item.id, event)}
                  />
                )
              })}
            </div>
          </div>
        </DndContext>
        <span />
        <span className="text-center text-sm font-semibold">{props.xLabel} →</span>
      </div>
      <p aria-live="polite" className="sr-only" data-testid={`${name}-announcement`}>
        {announcement}
      </p>
    </figure>
  )
}

function Quadrants({
  threshold,
  corners,
  good,
  ticks,
}: {
  threshold: MatrixPoint
  corners: Corners
  good: 'topRight' | 'topLeft'
  ticks: [string, string, string]
}) {
  const corner = 'absolute max-w-[45%] p-1 text-xs font-medium text-slate-600'
  const tint =
    good === 'topRight'
      ? { left: `${threshold.x}%`, right: 0, top: 0, bottom: `${threshold.y}%` }
      : { left: 0, right: `${100 - threshold.x}%`, top: 0, bottom: `${threshold.y}%` }
  return (
    <>
      <div aria-hidden="true" className="absolute bg-emerald-50" style={tint} />
      <div
        aria-hidden="true"
        className="absolute inset-y-0 border-l-2 border-dashed border-slate-400"
        style={{ left: `${threshold.x}%` }}
      />
      <div
        aria-hidden="true"
        className="absolute inset-x-0 border-t-2 border-dashed border-slate-400"
        style={{ bottom: `${threshold.y}%` }}
      />
      <span aria-hidden="true" data-label className={`${corner} top-0 right-0 text-right`}>
        {corners.topRight}
      </span>
      <span aria-hidden="true" data-label className={`${corner} right-0 bottom-0 text-right`}>
        {corners.bottomRight}
      </span>
      <span aria-hidden="true" data-label className={`${corner} top-0 left-0`}>
        {corners.topLeft}
      </span>
      <span aria-hidden="true" data-label className={`${corner} bottom-0 left-0`}>
        {corners.bottomLeft}
      </span>
      <span aria-hidden="true" className="absolute -bottom-5 left-0 text-xs text-slate-600">
        {ticks[0]}
      </span>
      <span
        aria-hidden="true"
        className="absolute -bottom-5 -translate-x-1/2 text-xs text-slate-600"
        style={{ left: `${threshold.x}%` }}
      >
        {ticks[1]}
      </span>
      <span aria-hidden="true" className="absolute right-0 -bottom-5 text-xs text-slate-600">
        {ticks[2]}
      </span>
    </>
  )
}

type CardProps = {
  item: MatrixItem
  point: MatrixPoint
  description: string
  helpId: string
  movedBy: RemoteDrag | undefined
  readOnly: boolean
  onKeyDown: (event: KeyboardEvent) => void
}

function MatrixCard({ item, point, description, helpId, movedBy, readOnly, onKeyDown }: CardProps) {
  const { t } = useTranslation()
  const { setNodeRef, listeners, isDragging } = useDraggable({ id: item.id, disabled: readOnly })
  // A zero-size anchor at the point: the dot is centred on it, the title beside it on the side
  // with room (left of the dot near the right edge).
  return (
    <div
      className="absolute"
      style={{ left: `${point.x}%`, bottom: `${point.y}%`, zIndex: isDragging || movedBy ? 20 : 10 }}
      data-testid="matrix-card"
      data-id={item.id}
      data-x={Math.round(point.x * 10) / 10}
      data-y={Math.round(point.y * 10) / 10}
    >
      <button
        type="button"
        ref={setNodeRef}
        {...listeners}
        onKeyDown={onKeyDown}
        aria-label={`${item.mark}. ${item.title}: ${description}`}
        aria-describedby={helpId}
        aria-disabled={readOnly || undefined}
        className={`absolute bottom-0 left-0 flex h-11 min-w-11 -translate-x-1/2 translate-y-1/2 touch-none items-center justify-center rounded-full border-2 px-1 text-base font-bold whitespace-nowrap text-white shadow ${item.tone} ${
          isDragging ? 'cursor-grabbing ring-4 ring-indigo-300' : readOnly ? '' : 'cursor-grab'
        } ${item.highlighted ? 'ring-4 ring-amber-400' : ''}`}
        style={movedBy ? { outline: `3px dashed ${movedBy.colour}`, outlineOffset: 3 } : undefined}
      >
        {item.mark}
      </button>
      {/* On a phone the titles would cover each other and the quadrant names: the numbers stay,
          the table below the matrix names them. */}
      <span
        className={`absolute bottom-0 hidden max-w-36 translate-y-1/2 truncate rounded bg-white/90 px-1 text-xs font-medium whitespace-nowrap shadow-sm sm:block ${
          point.x > 65 ? 'right-7' : 'left-7'
        }`}
        title={item.title}
        aria-hidden="true"
        data-label
      >
        {item.title}
      </span>
      {movedBy && (
        <span
          className="absolute bottom-7 left-0 -translate-x-1/2 rounded px-1 text-[10px] whitespace-nowrap text-white"
          style={{ backgroundColor: movedBy.colour }}
          data-testid="moved-by"
        >
          {t('matrix.movedBy', { name: movedBy.name })}
        </span>
      )}
    </div>
  )
}
