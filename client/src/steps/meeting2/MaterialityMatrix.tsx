import {
  DndContext,
  type DragMoveEvent,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import { type KeyboardEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { clampPoint, type MatrixPoint, quadrantOf } from '../../../../shared/domain/materiality.ts'
import type { ScoringResult } from '../../../../shared/domain/scoring-round.ts'
import { setMatrixPosition } from '../../../../shared/schema/materiality.ts'
import { publishDrag, type RemoteDrag, useRemoteDrags } from '../../collab/drag-presence.ts'
import { useSession } from '../../collab/hooks.ts'
import type { Meeting2Board } from './board.ts'

const STEP = 1
const BIG_STEP = 10
const target = (id: string) => `materiality:${id}`

/**
 * The materiality matrix: a square chart, 0-100 on both axes, quadrant lines at the threshold.
 * Cards move by mouse or finger (the others watch the move live through awareness; the drop is
 * the edit), by arrow keys (1 step, Shift for 10) or by typing values in the table below.
 */
export function MaterialityMatrix({ board, showSpread }: { board: Meeting2Board; showSpread: boolean }) {
  const { t } = useTranslation()
  const session = useSession()
  const area = useRef<HTMLDivElement>(null)
  const [live, setLive] = useState<{ id: string; point: MatrixPoint } | null>(null)
  const [announcement, setAnnouncement] = useState('')
  const remote = useRemoteDrags(session)
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 3 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 120, tolerance: 8 } }),
  )
  const { threshold } = board.settings
  const readOnly = session.readOnly
  const spread = showSpread && board.round?.status === 'revealed' ? (board.round.results?.results ?? []) : []

  const pointAfter = (event: DragMoveEvent): { id: string; point: MatrixPoint } | null => {
    const id = String(event.active.id)
    const start = board.positions[id]
    const size = area.current?.getBoundingClientRect()
    if (!start || !size || size.width === 0) return null
    return {
      id,
      point: clampPoint({
        x: start.x + (event.delta.x / size.width) * 100,
        y: start.y - (event.delta.y / size.height) * 100,
      }),
    }
  }
  const onDragMove = (event: DragMoveEvent) => {
    const next = pointAfter(event)
    if (!next) return
    setLive(next)
    publishDrag(session, { target: target(next.id), ...next.point })
  }
  const onDragEnd = (event: DragMoveEvent) => {
    const next = pointAfter(event)
    setLive(null)
    publishDrag(session, null)
    if (next) setMatrixPosition(session.content, next.id, next.point)
  }
  const onDragCancel = () => {
    setLive(null)
    publishDrag(session, null)
  }
  const describePoint = (id: string, point: MatrixPoint) =>
    t('meeting2.matrix.position', {
      x: point.x,
      y: point.y,
      quadrant: t(`meeting2.quadrant.${quadrantOf(point, threshold)}`),
    }) + (board.priorities.includes(id) ? `, ${t('meeting2.priorities.marked')}` : '')
  const nudge = (id: string, event: KeyboardEvent) => {
    const point = board.positions[id]
    if (!point || readOnly) return
    const step = event.shiftKey ? BIG_STEP : STEP
    const moves: Record<string, MatrixPoint> = {
      ArrowLeft: { x: point.x - step, y: point.y },
      ArrowRight: { x: point.x + step, y: point.y },
      ArrowUp: { x: point.x, y: point.y + step },
      ArrowDown: { x: point.x, y: point.y - step },
    }
    const next = moves[event.key]
    if (!next) return
    event.preventDefault()
    const clamped = clampPoint(next)
    setMatrixPosition(session.content, id, clamped)
    setAnnouncement(`${board.titleOf(id)}: ${describePoint(id, clamped)}`)
  }

  return (
    <figure className="grid gap-2" aria-labelledby="matrix-caption">
      <figcaption id="matrix-caption" className="sr-only">
        {t('meeting2.matrix.caption', { x: board.xLabel, y: board.yLabel })}
      </figcaption>
      <p id="matrix-help" className="text-sm text-slate-700">
        {readOnly ? t('meeting2.matrix.helpReadOnly') : t('meeting2.matrix.help')}
      </p>
      <div className="grid grid-cols-[auto_1fr] gap-2">
        <div className="flex items-center">
          <span
            className="[writing-mode:vertical-rl] rotate-180 text-sm font-semibold"
            data-testid="y-axis-label"
          >
            {board.yLabel} ↑
          </span>
        </div>
        <DndContext
          sensors={sensors}
          onDragMove={onDragMove}
          onDragEnd={onDragEnd}
          onDragCancel={onDragCancel}
        >
          <div
            ref={area}
            className="relative aspect-square w-full max-w-[min(80vh,44rem)] rounded border-2 border-slate-400 bg-white"
            data-testid="materiality-matrix"
          >
            <Quadrants threshold={threshold} />
            {spread.map((result) => (
              <SpreadCross
                key={result.interventionId}
                result={result}
                number={board.numberOf(result.interventionId)}
              />
            ))}
            {board.placed.map(({ id, x, y }) => {
              const dragging = remote.find((d) => d.target === target(id))
              const point = live?.id === id ? live.point : (dragging ?? { x, y })
              return (
                <MatrixCard
                  key={id}
                  id={id}
                  number={board.numberOf(id)}
                  title={board.titleOf(id)}
                  point={{ x: point.x, y: point.y }}
                  priority={board.priorities.includes(id)}
                  description={describePoint(id, point)}
                  movedBy={live?.id === id ? undefined : dragging}
                  readOnly={readOnly}
                  onKeyDown={(event) => nudge(id, event)}
                />
              )
            })}
          </div>
        </DndContext>
        <span />
        <span className="text-center text-sm font-semibold" data-testid="x-axis-label">
          {board.xLabel} →
        </span>
      </div>
      <p aria-live="polite" className="sr-only" data-testid="matrix-announcement">
        {announcement}
      </p>
    </figure>
  )
}

function Quadrants({ threshold }: { threshold: number }) {
  const { t } = useTranslation()
  const corner = 'absolute p-1 text-xs font-medium text-slate-600'
  return (
    <>
      <div
        aria-hidden="true"
        className="absolute top-0 right-0 bg-emerald-50"
        style={{ left: `${threshold}%`, bottom: `${threshold}%` }}
      />
      <div
        aria-hidden="true"
        className="absolute inset-y-0 border-l-2 border-dashed border-slate-400"
        style={{ left: `${threshold}%` }}
      />
      <div
        aria-hidden="true"
        className="absolute inset-x-0 border-t-2 border-dashed border-slate-400"
        style={{ bottom: `${threshold}%` }}
      />
      <span aria-hidden="true" className={`${corner} top-0 right-0 text-emerald-900`}>
        {t('meeting2.quadrant.priority')}
      </span>
      <span aria-hidden="true" className={`${corner} right-0 bottom-0`}>
        {t('meeting2.quadrant.customers')}
      </span>
      <span aria-hidden="true" className={`${corner} top-0 left-0`}>
        {t('meeting2.quadrant.organisation')}
      </span>
      <span aria-hidden="true" className={`${corner} bottom-0 left-0`}>
        {t('meeting2.quadrant.low')}
      </span>
      <span aria-hidden="true" className="absolute -bottom-5 left-0 text-xs text-slate-600">
        0
      </span>
      <span
        aria-hidden="true"
        className="absolute -bottom-5 -translate-x-1/2 text-xs text-slate-600"
        style={{ left: `${threshold}%` }}
      >
        {threshold}
      </span>
      <span aria-hidden="true" className="absolute right-0 -bottom-5 text-xs text-slate-600">
        100
      </span>
    </>
  )
}

/** The silent round's spread: a cross centred on the group's average, arms one standard deviation long. */
function SpreadCross({ result, number }: { result: ScoringResult; number: number }) {
  if (result.x === null || result.y === null) return null
  const { x, y, spreadX, spreadY } = result
  return (
    <div aria-hidden="true" data-testid="spread-cross">
      <div
        className="absolute h-0.5 -translate-y-1/2 bg-amber-500/70"
        style={{
          left: `${Math.max(0, x - (spreadX ?? 0))}%`,
          right: `${Math.max(0, 100 - x - (spreadX ?? 0))}%`,
          bottom: `${y}%`,
        }}
      />
      <div
        className="absolute w-0.5 -translate-x-1/2 bg-amber-500/70"
        style={{
          bottom: `${Math.max(0, y - (spreadY ?? 0))}%`,
          top: `${Math.max(0, 100 - y - (spreadY ?? 0))}%`,
          left: `${x}%`,
        }}
      />
      <span className="absolute text-[10px] text-amber-800" style={{ left: `${x}%`, bottom: `${y}%` }}>
        ⌀{number}
      </span>
    </div>
  )
}

type CardProps = {
  id: string
  number: number
  title: string
  point: MatrixPoint
  priority: boolean
  description: string
  movedBy: RemoteDrag | undefined
  readOnly: boolean
  onKeyDown: (event: KeyboardEvent) => void
}

function MatrixCard({
  id,
  number,
  title,
  point,
  priority,
  description,
  movedBy,
  readOnly,
  onKeyDown,
}: CardProps) {
  const { t } = useTranslation()
  const { setNodeRef, listeners, isDragging } = useDraggable({ id, disabled: readOnly })
  return (
    <div
      className="absolute flex -translate-x-1/2 translate-y-1/2 items-center gap-1"
      style={{ left: `${point.x}%`, bottom: `${point.y}%`, zIndex: isDragging || movedBy ? 20 : 10 }}
      data-testid="matrix-card"
      data-id={id}
      data-x={point.x}
      data-y={point.y}
    >
      <button
        type="button"
        ref={setNodeRef}
        {...listeners}
        onKeyDown={onKeyDown}
        aria-label={`${number}. ${title}: ${description}`}
        aria-describedby="matrix-help"
        aria-disabled={readOnly || undefined}
        className={`flex size-11 shrink-0 touch-none items-center justify-center rounded-full border-2 text-base font-bold shadow ${
          priority
            ? 'border-emerald-900 bg-emerald-700 text-white'
            : 'border-indigo-900 bg-indigo-600 text-white'
        } ${isDragging ? 'cursor-grabbing ring-4 ring-indigo-300' : readOnly ? '' : 'cursor-grab'}`}
        style={movedBy ? { outline: `3px dashed ${movedBy.colour}`, outlineOffset: 3 } : undefined}
      >
        {priority ? `★${number}` : number}
      </button>
      <span
        className="max-w-36 truncate rounded bg-white/90 px-1 text-xs font-medium shadow-sm"
        aria-hidden="true"
      >
        {title}
      </span>
      {movedBy && (
        <span
          className="absolute -top-5 left-0 rounded px-1 text-[10px] whitespace-nowrap text-white"
          style={{ backgroundColor: movedBy.colour }}
          data-testid="moved-by"
        >
          {t('meeting2.matrix.movedBy', { name: movedBy.name })}
        </span>
      )}
    </div>
  )
}
