import { setMetricChosen } from '../../../../shared/schema/actions.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting3Board } from './board.ts'

/** Every candidate metric of every card, and the ones the group carries into the KPI set. */
export function MetricsPanel({ board }: { board: Meeting3Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const chosen = board.metrics.filter((m) => m.chosen).length
  return (
    <section
      aria-labelledby="metrics-heading"
      className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="metrics-heading" className="text-xl font-semibold">
        {t('meeting3.metrics.heading')}
      </h3>
      <p className="text-sm text-slate-700" data-testid="metrics-chosen">
        {t('meeting3.metrics.chosen', { count: chosen, total: board.metrics.length })}
      </p>
      {board.metrics.length === 0 ? (
        <p className="text-sm text-slate-700">{t('meeting3.metrics.none')}</p>
      ) : (
        <ul className="grid gap-1" data-testid="metrics-list">
          {board.metrics.map((metric) => (
            <li key={metric.id}>
              <label className="flex items-start gap-2">
                <input
                  type="checkbox"
                  checked={metric.chosen}
                  disabled={session.readOnly}
                  onChange={(e) => setMetricChosen(session.content, metric.id, e.target.checked)}
                  className="mt-1"
                />
                <span>
                  <span className="font-medium">{metric.name || t('meeting3.metrics.unnamed')}</span>{' '}
                  <span className="text-sm text-slate-600">
                    ({board.numberOf(metric.actionId)}. {board.titleOf(metric.actionId)})
                  </span>
                  {metric.chosen && (
                    <span className="ml-1 text-sm text-emerald-800">✓ {t('meeting3.metrics.inKpiSet')}</span>
                  )}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
