import { useState } from 'react'
import {
  DIRECTIONS,
  FREQUENCIES,
  type KpiProblem,
  kpiProblems,
  quickWinsWithoutKpi,
} from '../../../../shared/domain/kpis.ts'
import { addKpi, type Kpi, linkKpiAction, setKpiField } from '../../../../shared/schema/kpis.ts'
import { metaMap, readMeta } from '../../../../shared/schema/meta.ts'
import { recordText, removeRecord } from '../../../../shared/schema/records.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useUi } from '../../state/ui.ts'
import type { Meeting4Board } from './board.ts'

const TEXT_FIELDS = ['definition', 'formula', 'unit', 'baseline', 'target', 'source', 'owner'] as const

/** The KPI set: created from meeting 3's chosen metrics or from scratch, checked as it is written. */
export function KpiSet({ board }: { board: Meeting4Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const [note, setNote] = useState('')
  const pending = board.metrics.filter((m) => m.chosen && !board.kpis.some((k) => k.metricId === m.id))
  const quickWins = board.actions.filter((a) => board.quadrants[a.id] === 'quick-win').map((a) => a.id)
  const unmeasured = quickWinsWithoutKpi(quickWins, board.kpis)
  const fromMetrics = () => {
    for (const metric of pending)
      addKpi(doc, metric.name, { actionIds: [metric.actionId], metricId: metric.id })
    setNote(t('meeting4.kpis.created', { count: pending.length }))
  }
  return (
    <section
      aria-labelledby="kpis-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="kpis-heading" className="text-xl font-semibold">
        {t('meeting4.kpis.heading')}
      </h3>
      {!session.readOnly && (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={fromMetrics}
            disabled={pending.length === 0}
            className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white disabled:opacity-50"
          >
            {t('meeting4.kpis.fromMetrics', { count: pending.length })}
          </button>
          {note && (
            <span role="status" className="text-emerald-900">
              {note}
            </span>
          )}
        </div>
      )}
      {unmeasured.length > 0 && (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-950" data-testid="unmeasured-quick-wins">
          ⚠ {t('meeting4.kpis.unmeasured', { names: unmeasured.map(board.titleOf).join(', ') })}
        </p>
      )}
      <ul className="grid gap-3">
        {board.kpis.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} board={board} />
        ))}
      </ul>
      {!session.readOnly && (
        <AddItemForm label={t('meeting4.kpis.new')} onAdd={(name) => addKpi(doc, name)} />
      )}
    </section>
  )
}

function KpiCard({ kpi, board }: { kpi: Kpi; board: Meeting4Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const readOnly = session.readOnly
  const open = useUi((s) => s.openCards[kpi.id] === true)
  const toggleCard = useUi((s) => s.toggleCard)
  // Numbers are read in the workshop's language ("1.234" is a thousand and more in Italian).
  const language = useYValue(metaMap(doc), () => readMeta(doc).language)
  const problems = kpiProblems(kpi, language)
  const name = kpi.name || t('meeting4.kpis.unnamed')
  const describeProblem = (p: KpiProblem) =>
    t(
      `meeting4.kpis.problems.${p.problem}`,
      'direction' in p ? { direction: t(`meeting4.kpis.direction.${p.direction}`) } : {},
    )
  const input = 'rounded border border-slate-300 px-2 py-1 text-sm'
  return (
    <li className="grid gap-2 rounded border border-slate-200 p-3" data-testid="kpi" data-kpi={kpi.name}>
      <div className="flex flex-wrap items-center gap-2">
        <CollabText
          text={recordText(doc, 'kpis', kpi.id, 'name')}
          label={t('meeting4.kpis.name')}
          readOnly={readOnly}
          className="min-w-0 flex-1 rounded border border-transparent px-1 font-semibold hover:border-slate-300"
        />
        <span className="text-sm text-slate-700">
          {t('meeting4.kpis.summary', {
            baseline: kpi.baseline || '–',
            target: kpi.target || '–',
            unit: kpi.unit,
          })}
        </span>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => toggleCard(kpi.id)}
          aria-label={t('meeting4.kpis.detailsOf', { name })}
          className="rounded border border-indigo-700 px-2 text-sm text-indigo-800"
        >
          {open ? t('meeting3.card.close') : t('meeting3.card.details')}
        </button>
        {!readOnly && (
          <button
            type="button"
            onClick={() => removeRecord(doc, 'kpis', kpi.id)}
            aria-label={t('meeting4.kpis.removeOf', { name })}
            className="rounded border border-red-700 px-2 text-sm text-red-800"
          >
            {t('meeting3.card.remove')}
          </button>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="text-sm text-amber-900" data-testid="kpi-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p.problem}>⚠ {describeProblem(p)}</li>
          ))}
        </ul>
      )}
      {open && (
        <div className="grid gap-2 text-sm sm:grid-cols-2">
          {TEXT_FIELDS.map((field) => (
            // A visible label on every field: once filled, "62,5" and "85" must say which is which.
            <label key={field} className="grid gap-0.5">
              <span className="font-medium text-slate-700">{t(`meeting4.kpis.short.${field}`)}</span>
              <CollabText
                text={recordText(doc, 'kpis', kpi.id, field)}
                label={t(`meeting4.kpis.fields.${field}`, { name })}
                placeholder={t(`meeting4.kpis.placeholders.${field}`)}
                readOnly={readOnly}
                multiline={field === 'definition' || field === 'formula'}
                className={input}
              />
            </label>
          ))}
          <label className="flex items-center gap-2">
            {t('meeting4.kpis.directionLabel')}
            <select
              value={kpi.direction}
              disabled={readOnly}
              onChange={(e) => setKpiField(doc, kpi.id, 'direction', e.target.value)}
              className={input}
            >
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`meeting4.kpis.direction.${d}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2">
            {t('meeting4.kpis.frequencyLabel')}
            <select
              value={kpi.frequency}
              disabled={readOnly}
              onChange={(e) => setKpiField(doc, kpi.id, 'frequency', e.target.value)}
              className={input}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {t(`meeting4.kpis.frequency.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="grid gap-1 rounded border border-slate-200 p-2 sm:col-span-2">
            <legend className="px-1 font-medium">{t('meeting4.kpis.actions')}</legend>
            {board.actions.map((action) => (
              <label key={action.id} className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={kpi.actionIds.includes(action.id)}
                  disabled={readOnly}
                  onChange={(e) => linkKpiAction(doc, kpi.id, action.id, e.target.checked)}
                />
                {board.numberOf(action.id)}. {action.title || t('meeting3.card.untitled')}
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </li>
  )
}
