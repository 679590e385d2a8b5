import { DEFAULT_THRESHOLD, priorityScore, quadrantOf } from '../../../../shared/domain/materiality.ts'
import { setPriorities } from '../../../../shared/schema/control.ts'
import { setMatrixPosition } from '../../../../shared/schema/materiality.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting2Board } from './board.ts'
import { NumberField } from './NumberField.tsx'

/**
 * The matrix as a table: exact values typed by anyone, the quadrant and priority score of each
 * intervention, and (for the facilitator) the switch that makes it a priority area. Also the
 * screen-reader view of the chart.
 */
export function PositionsTable({ board }: { board: Meeting2Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const facilitator = session.role === 'facilitator'
  const togglePriority = (id: string) =>
    setPriorities(
      session.control,
      board.priorities.includes(id) ? board.priorities.filter((p) => p !== id) : [...board.priorities, id],
    )
  const invalid = t('meeting2.table.invalid', { min: 0, max: 100 })
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="positions-table">
        <caption className="pb-2 text-left font-semibold">{t('meeting2.table.caption')}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="p-1">
              #
            </th>
            <th scope="col" className="p-1">
              {t('meeting2.table.intervention')}
            </th>
            <th scope="col" className="p-1">
              {board.xLabel}
            </th>
            <th scope="col" className="p-1">
              {board.yLabel}
            </th>
            <th scope="col" className="p-1">
              {t('meeting2.table.quadrant')}
            </th>
            <th scope="col" className="p-1">
              {t('meeting2.table.score')}
            </th>
            <th scope="col" className="p-1">
              {t('meeting2.table.priority')}
            </th>
          </tr>
        </thead>
        <tbody>
          {board.interventions.map((intervention, i) => {
            const point = board.positions[intervention.id]
            const title = intervention.title || t('meeting1.interventions.untitled')
            const priority = board.priorities.includes(intervention.id)
            const place = (axis: 'x' | 'y', value: number) =>
              setMatrixPosition(doc, intervention.id, {
                x: point?.x ?? DEFAULT_THRESHOLD,
                y: point?.y ?? DEFAULT_THRESHOLD,
                [axis]: value,
              })
            return (
              <tr
                key={intervention.id}
                className="border-b border-slate-100 align-top"
                data-testid="position-row"
              >
                <td className="p-1 font-bold">{i + 1}</td>
                <th scope="row" className="p-1 font-medium">
                  {title}
                </th>
                <td className="p-1">
                  <NumberField
                    label={t('meeting2.table.valueOf', { axis: board.xLabel, title })}
                    value={point?.x ?? null}
                    min={0}
                    max={100}
                    readOnly={session.readOnly}
                    invalidMessage={invalid}
                    onCommit={(value) => place('x', value)}
                  />
                </td>
                <td className="p-1">
                  <NumberField
                    label={t('meeting2.table.valueOf', { axis: board.yLabel, title })}
                    value={point?.y ?? null}
                    min={0}
                    max={100}
                    readOnly={session.readOnly}
                    invalidMessage={invalid}
                    onCommit={(value) => place('y', value)}
                  />
                </td>
                <td className="p-1" data-testid="quadrant">
                  {point
                    ? t(`meeting2.quadrant.${quadrantOf(point, board.settings.threshold)}`)
                    : t('meeting2.table.unplaced')}
                </td>
                <td className="p-1">{point ? priorityScore(point) : '–'}</td>
                <td className="p-1">
                  {facilitator ? (
                    <button
                      type="button"
                      aria-pressed={priority}
                      onClick={() => togglePriority(intervention.id)}
                      aria-label={t('meeting2.priorities.toggle', { title })}
                      className={`min-h-9 rounded border px-2 ${priority ? 'border-emerald-800 bg-emerald-700 text-white' : 'border-slate-400'}`}
                    >
                      {priority ? `★ ${t('meeting2.priorities.marked')}` : t('meeting2.priorities.mark')}
                    </button>
                  ) : (
                    priority && `★ ${t('meeting2.priorities.marked')}`
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
