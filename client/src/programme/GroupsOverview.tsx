import type { GroupSummary } from '../../../shared/exports/programme.ts'
import { useTranslation } from '../i18n/translation.tsx'

/** Every group at a glance: where it is in the method, its actions, quick wins, KPIs and gaps. */
export function GroupsOverview({ groups }: { groups: readonly GroupSummary[] }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="groups-heading" className="grid gap-3">
      <h2 id="groups-heading" className="text-xl font-semibold">
        {t('programme.groups.heading', { count: groups.length })}
      </h2>
      {groups.length === 0 && <p className="text-slate-700">{t('programme.groups.none')}</p>}
      <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {groups.map((g) => {
          const total = Object.values(g.actions).reduce((a, b) => a + b, 0)
          return (
            <li
              key={g.workshopId}
              aria-labelledby={`group-${g.workshopId}`}
              className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4"
              data-testid="programme-group"
              data-group={g.title}
            >
              <h3 id={`group-${g.workshopId}`} className="text-lg font-semibold">
                {g.title}
              </h3>
              {g.focus && <p className="text-sm text-slate-700">{g.focus}</p>}
              <p className="text-sm">{t('programme.groups.step', { step: t(`steps.${g.step}.short`) })}</p>
              <dl className="grid grid-cols-[1fr_auto] gap-x-3 text-sm">
                <dt>{t('programme.groups.actions')}</dt>
                <dd data-testid="group-actions">
                  {t('programme.groups.actionsValue', {
                    total,
                    done: g.actions.done,
                    inProgress: g.actions['in-progress'],
                  })}
                </dd>
                <dt>{t('programme.groups.quickWins')}</dt>
                <dd data-testid="group-quick-wins">
                  {g.quickWins.done}/{g.quickWins.total}
                </dd>
                <dt>{t('programme.groups.kpis')}</dt>
                <dd data-testid="group-kpis">
                  {t('programme.groups.kpisValue', { on: g.kpis.onTrack, off: g.kpis.offTrack })}
                </dd>
                <dt>{t('programme.groups.breaks')}</dt>
                <dd>{g.coverageBreaks}</dd>
                <dt>{t('programme.groups.attention')}</dt>
                <dd>{g.needsAttention}</dd>
              </dl>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
