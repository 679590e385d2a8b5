import { useState } from 'react'
import { STATUSES } from '../../../shared/domain/pipeline.ts'
import type { ProgrammeDashboard } from '../../../shared/exports/programme.ts'
import { useTranslation } from '../i18n/translation.tsx'

const ALL = ''
const distinct = (values: readonly string[]) => [...new Set(values.filter(Boolean))].sort()

/**
 * One pipeline and one KPI table across the groups, filtered by group, unit, wave and status;
 * then the units' load across all groups (R and A in the RACI), heaviest first.
 */
export function ProgrammeTables({ dashboard }: { dashboard: ProgrammeDashboard }) {
  const { t, i18n } = useTranslation()
  const [group, setGroup] = useState(ALL)
  const [unit, setUnit] = useState(ALL)
  const [wave, setWave] = useState(ALL)
  const [status, setStatus] = useState(ALL)
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeZone: 'UTC' })
  const date = (iso: string | null) => (iso ? day.format(new Date(`${iso}T00:00:00Z`)) : '—')
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 })
  const actions = dashboard.actions.filter(
    (a) =>
      (group === ALL || a.workshopId === group) &&
      (unit === ALL || a.unit === unit) &&
      (wave === ALL || a.wave === wave) &&
      (status === ALL || a.status === status),
  )
  const kpis = dashboard.kpis.filter((k) => group === ALL || k.workshopId === group)
  const heaviest = Math.max(1, ...dashboard.units.map((u) => u.responsible + u.accountable))
  const filter = (label: string, value: string, set: (v: string) => void, options: [string, string][]) => (
    <label className="grid gap-1 text-sm">
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => set(e.target.value)}
        className="rounded border border-slate-300 px-2 py-1"
      >
        <option value={ALL}>{t('programme.filters.all')}</option>
        {options.map(([v, name]) => (
          <option key={v} value={v}>
            {name}
          </option>
        ))}
      </select>
    </label>
  )
  const cell = 'border-b border-slate-100 px-2 py-1 align-top'
  const head = (table: string, columns: readonly string[]) => (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className={cell}>
            {t(`programme.${table}.${column}`)}
          </th>
        ))}
      </tr>
    </thead>
  )
  return (
    <>
      <section
        aria-labelledby="programme-pipeline-heading"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="programme-pipeline-heading" className="text-xl font-semibold">
          {t('programme.pipeline.heading', { count: actions.length })}
        </h2>
        <fieldset className="flex flex-wrap gap-3" data-print="hide">
          <legend className="sr-only">{t('programme.filters.legend')}</legend>
          {filter(
            t('programme.filters.group'),
            group,
            setGroup,
            dashboard.groups.map((g) => [g.workshopId, g.title]),
          )}
          {filter(
            t('programme.filters.unit'),
            unit,
            setUnit,
            distinct(dashboard.actions.map((a) => a.unit)).map((u) => [u, u]),
          )}
          {filter(
            t('programme.filters.wave'),
            wave,
            setWave,
            distinct(dashboard.actions.map((a) => a.wave)).map((w) => [w, w]),
          )}
          {filter(
            t('programme.filters.status'),
            status,
            setStatus,
            STATUSES.map((s) => [s, t(`meeting4.status.${s}`)]),
          )}
        </fieldset>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="programme-pipeline">
            {head('pipeline', ['group', 'action', 'owner', 'unit', 'wave', 'due', 'status'])}
            <tbody>
              {actions.map((a) => (
                <tr key={`${a.workshopId}:${a.id}`} data-testid="programme-action">
                  <td className={cell}>{a.group}</td>
                  <td className={cell}>{a.action}</td>
                  <td className={cell}>{a.owner}</td>
                  <td className={cell}>{a.unit}</td>
                  <td className={cell}>{a.wave}</td>
                  <td className={cell}>{date(a.due)}</td>
                  <td className={cell}>
                    {t(`meeting4.status.${a.status}`)} · {a.percent}%
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section
        aria-labelledby="programme-kpis-heading"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="programme-kpis-heading" className="text-xl font-semibold">
          {t('programme.kpis.heading', { count: kpis.length })}
        </h2>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="programme-kpis">
            {head('kpis', ['group', 'name', 'baseline', 'target', 'latest', 'state'])}
            <tbody>
              {kpis.map((k) => (
                <tr key={`${k.workshopId}:${k.id}`} data-testid="programme-kpi">
                  <td className={cell}>{k.group}</td>
                  <td className={cell}>{k.name}</td>
                  <td className={cell}>{[k.baseline, k.measureUnit].filter(Boolean).join(' ')}</td>
                  <td className={cell}>{[k.target, k.measureUnit].filter(Boolean).join(' ')}</td>
                  <td className={cell}>
                    {k.latest === null ? '—' : `${number.format(k.latest)} (${date(k.latestDate)})`}
                  </td>
                  <td className={cell}>{t(`followup.kpi.state.${k.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section
        aria-labelledby="programme-units-heading"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="programme-units-heading" className="text-xl font-semibold">
          {t('programme.units.heading')}
        </h2>
        <p className="text-sm text-slate-700">{t('programme.units.intro')}</p>
        <table className="w-full text-left text-sm" data-testid="programme-units">
          {head('units', ['unit', 'responsible', 'accountable', 'groups', 'load'])}
          <tbody>
            {dashboard.units.map((u) => (
              <tr key={u.unit} data-testid="programme-unit">
                <td className={cell}>{u.unit}</td>
                <td className={cell}>{u.responsible}</td>
                <td className={cell}>{u.accountable}</td>
                <td className={cell}>{u.groups}</td>
                <td className={`${cell} w-1/3`}>
                  <div className="h-3 rounded bg-slate-200" aria-hidden="true">
                    <div
                      className="h-full rounded bg-indigo-600"
                      style={{ width: `${((u.responsible + u.accountable) / heaviest) * 100}%` }}
                    />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  )
}
