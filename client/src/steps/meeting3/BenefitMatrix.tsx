import {
  ACTION_QUADRANTS,
  actionPosition,
  countByQuadrant,
  scoresAtPosition,
  scoreToPercent,
} from '../../../../shared/domain/actions.ts'
import type { MatrixPoint } from '../../../../shared/domain/materiality.ts'
import { setActionScores, setActionThreshold } from '../../../../shared/schema/actions.ts'
import { useSession } from '../../collab/hooks.ts'
import { DragMatrix } from '../../components/DragMatrix.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { type Meeting3Board, QUADRANT_TONE } from './board.ts'

/** One constraint point on one of the three scores moves the mean by 1/3: a twelfth of the axis. */
const CONSTRAINT_STEP = 100 / 12
const BENEFIT_STEP = 25

/**
 * The benefit / constraint matrix: each scored card sits where its scores put it; a drop
 * rewrites its scores (benefit snaps to a whole score; the three constraints change as little
 * as possible to reach the new mean). One truth, two views: the form shows the same scores.
 */
export function BenefitMatrix({ board }: { board: Meeting3Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const counts = countByQuadrant(board.actions.map((a) => board.quadrants[a.id] ?? null))
  const { thresholds } = board
  const describePoint = (id: string, point: MatrixPoint) => {
    const action = board.actions.find((a) => a.id === id)
    const quadrant = board.quadrants[id]
    return t('meeting3.matrix.position', {
      benefit: action?.scores.benefit ?? '–',
      constraint: Math.round((1 + (point.x / 100) * 4) * 10) / 10,
      quadrant: quadrant ? t(`meeting3.quadrant.${quadrant}`) : '',
    })
  }
  const items = board.actions.flatMap((action) => {
    const point = actionPosition(action.scores)
    const quadrant = board.quadrants[action.id]
    if (!point || !quadrant) return []
    return [
      {
        id: action.id,
        mark: String(board.numberOf(action.id)),
        title: action.title || t('meeting3.card.untitled'),
        point,
        tone: QUADRANT_TONE[quadrant] ?? '',
        highlighted: board.debriefCard === action.id,
      },
    ]
  })
  return (
    <section
      aria-labelledby="benefit-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="benefit-heading" className="text-xl font-semibold">
        {t('meeting3.matrix.heading')}
      </h3>
      <DragMatrix
        name="benefit"
        items={items}
        xLabel={t('meeting3.matrix.xLabel')}
        yLabel={t('meeting3.matrix.yLabel')}
        threshold={{ x: scoreToPercent(thresholds.constraint), y: scoreToPercent(thresholds.benefit) }}
        corners={{
          topLeft: t('meeting3.quadrant.quick-win'),
          topRight: t('meeting3.quadrant.investment'),
          bottomLeft: t('meeting3.quadrant.minor'),
          bottomRight: t('meeting3.quadrant.deprioritise'),
        }}
        goodCorner="topLeft"
        xTicks={['1', String(thresholds.constraint), '5']}
        step={{ x: CONSTRAINT_STEP, y: BENEFIT_STEP }}
        bigStep={{ x: CONSTRAINT_STEP * 3, y: BENEFIT_STEP * 2 }}
        readOnly={session.readOnly}
        help={session.readOnly ? t('meeting3.matrix.helpReadOnly') : t('meeting3.matrix.help')}
        caption={t('meeting3.matrix.caption')}
        describePoint={describePoint}
        onMove={(id, point) => {
          const action = board.actions.find((a) => a.id === id)
          if (!action) return point
          const scores = scoresAtPosition(action.scores, point)
          setActionScores(doc, id, scores)
          return actionPosition(scores) ?? point
        }}
      />
      <ul
        className="flex flex-wrap gap-2 text-sm"
        data-testid="quadrant-counts"
        aria-label={t('meeting3.matrix.counts')}
      >
        {ACTION_QUADRANTS.map((q) => (
          <li key={q} className={`rounded px-2 py-1 text-white ${QUADRANT_TONE[q]}`} data-quadrant={q}>
            {t(`meeting3.quadrant.${q}`)}: {counts[q]}
          </li>
        ))}
        <li className="rounded border border-slate-300 px-2 py-1">
          {t('meeting3.matrix.unscored')}: {counts.unscored}
        </li>
      </ul>
      {!session.readOnly && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">{t('meeting3.matrix.thresholds')}</summary>
          <div className="mt-2 flex flex-wrap gap-4">
            {(['benefit', 'constraint'] as const).map((axis) => (
              <label key={axis} className="flex items-center gap-2">
                {t(`meeting3.matrix.threshold.${axis}`)}
                <select
                  value={thresholds[axis]}
                  onChange={(e) => setActionThreshold(doc, axis, Number(e.target.value))}
                  className="rounded border border-slate-300 px-1 py-1"
                >
                  {[1.5, 2, 2.5, 3, 3.5, 4, 4.5].map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <p className="mt-1 text-slate-600">{t('meeting3.matrix.rule')}</p>
        </details>
      )}
    </section>
  )
}
