import { clampPoint, type MatrixPoint, quadrantOf } from '../../../../shared/domain/materiality.ts'
import type { ScoringResult } from '../../../../shared/domain/scoring-round.ts'
import { setMatrixPosition } from '../../../../shared/schema/materiality.ts'
import { useSession } from '../../collab/hooks.ts'
import { DragMatrix } from '../../components/DragMatrix.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting2Board } from './board.ts'

/**
 * The materiality matrix: every macro intervention on two 0-100 axes, quadrant lines at the
 * threshold; arrows move a focused card by 1 (Shift: 10). After a revealed silent round, the
 * spread of the scores is drawn as a cross around each average.
 */
export function MaterialityMatrix({ board, showSpread }: { board: Meeting2Board; showSpread: boolean }) {
  const { t } = useTranslation()
  const session = useSession()
  const { threshold } = board.settings
  const spread = showSpread && board.round?.status === 'revealed' ? (board.round.results?.results ?? []) : []
  const describePoint = (id: string, point: MatrixPoint) =>
    t('meeting2.matrix.position', {
      x: point.x,
      y: point.y,
      quadrant: t(`meeting2.quadrant.${quadrantOf(point, threshold)}`),
    }) + (board.priorities.includes(id) ? `, ${t('meeting2.priorities.marked')}` : '')
  return (
    <DragMatrix
      name="materiality"
      items={board.placed.map(({ id, x, y }) => {
        const priority = board.priorities.includes(id)
        return {
          id,
          mark: priority ? `★${board.numberOf(id)}` : String(board.numberOf(id)),
          title: board.titleOf(id),
          point: { x, y },
          tone: priority ? 'border-emerald-900 bg-emerald-700' : 'border-indigo-900 bg-indigo-600',
        }
      })}
      xLabel={board.xLabel}
      yLabel={board.yLabel}
      threshold={{ x: threshold, y: threshold }}
      corners={{
        topRight: t('meeting2.quadrant.priority'),
        bottomRight: t('meeting2.quadrant.customers'),
        topLeft: t('meeting2.quadrant.organisation'),
        bottomLeft: t('meeting2.quadrant.low'),
      }}
      goodCorner="topRight"
      xTicks={['0', String(threshold), '100']}
      step={{ x: 1, y: 1 }}
      bigStep={{ x: 10, y: 10 }}
      readOnly={session.readOnly}
      help={session.readOnly ? t('meeting2.matrix.helpReadOnly') : t('meeting2.matrix.help')}
      caption={t('meeting2.matrix.caption', { x: board.xLabel, y: board.yLabel })}
      describePoint={describePoint}
      onMove={(id, point) => {
        const landed = clampPoint(point)
        setMatrixPosition(session.content, id, landed)
        return landed
      }}
    >
      {spread.map((result) => (
        <SpreadCross
          key={result.interventionId}
          result={result}
          number={board.numberOf(result.interventionId)}
        />
      ))}
    </DragMatrix>
  )
}

/** The silent round's spread: a cross centred on the group's average, arms one standard deviation long. */
function SpreadCross({ result, number }: { result: ScoringResult; number: number }) {
  if (result.x === null || result.y === null) return null
  const { x, y } = result
  const sx = result.spreadX ?? 0
  const sy = result.spreadY ?? 0
  return (
    <div aria-hidden="true" data-testid="spread-cross">
      <div
        className="absolute h-0.5 -translate-y-1/2 bg-amber-500/70"
        style={{ left: `${Math.max(0, x - sx)}%`, right: `${Math.max(0, 100 - x - sx)}%`, bottom: `${y}%` }}
      />
      <div
        className="absolute w-0.5 -translate-x-1/2 bg-amber-500/70"
        style={{ bottom: `${Math.max(0, y - sy)}%`, top: `${Math.max(0, 100 - y - sy)}%`, left: `${x}%` }}
      />
      <span className="absolute text-[10px] text-amber-800" style={{ left: `${x}%`, bottom: `${y}%` }}>
        ⌀{number}
      </span>
    </div>
  )
}
