import { type Coverage, coverage } from '../../../../shared/domain/coverage.ts'
import type { WorkshopExport } from '../../../../shared/schema/workshop-export.ts'
import { ScrollArea } from '../../components/ScrollArea.tsx'
import { useTranslation } from '../../i18n/translation.tsx'

/**
 * The chain the method builds, per macro intervention (priority areas first), and every place
 * it breaks: what a manager checks before trusting the plan.
 */
export function CoverageView({ data }: { data: WorkshopExport }) {
  const { t } = useTranslation()
  const { chains, breaks }: Coverage = coverage(data)
  const nameOf = (list: readonly { id: string; name: string }[], id: string) =>
    list.find((x) => x.id === id)?.name ?? ''
  const painText = (id: string) => data.pains.find((p) => p.id === id)?.text ?? ''
  const actionTitle = (id: string) =>
    data.actions.find((a) => a.id === id)?.title || t('meeting3.card.untitled')
  const breakName = (kind: string, id: string) =>
    kind === 'pain-without-intervention'
      ? painText(id)
      : kind === 'priority-without-action'
        ? (data.interventions.find((i) => i.id === id)?.title ?? '')
        : kind === 'kpi-without-action'
          ? (data.kpis.find((k) => k.id === id)?.name ?? '')
          : actionTitle(id)
  return (
    <section
      aria-labelledby="coverage-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-print="hide"
    >
      <h3 id="coverage-heading" className="text-xl font-semibold">
        {t('outputs.coverage.heading')}
      </h3>
      <p className="text-sm text-slate-700">{t('outputs.coverage.intro')}</p>
      <div aria-live="polite">
        {breaks.length === 0 ? (
          <p className="rounded bg-emerald-50 p-2 text-emerald-900" data-testid="coverage-ok">
            ✓ {t('outputs.coverage.noBreaks')}
          </p>
        ) : (
          <ul className="grid gap-1" data-testid="coverage-breaks">
            {breaks.map((b) => (
              <li key={`${b.kind}:${b.id}`} className="rounded bg-amber-50 px-2 py-1 text-amber-950">
                ⚠ {t(`outputs.coverage.breaks.${b.kind}`)}: <strong>{breakName(b.kind, b.id)}</strong>
              </li>
            ))}
          </ul>
        )}
      </div>
      <ScrollArea label={t('outputs.coverage.heading')}>
        <table className="w-full text-left text-sm" data-testid="coverage-table">
          <caption className="sr-only">{t('outputs.coverage.heading')}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              {(['pains', 'intervention', 'survey', 'matrix', 'raci', 'actions'] as const).map((c) => (
                <th key={c} scope="col" className="p-1">
                  {t(`outputs.coverage.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chains.map((chain) => (
              <tr
                key={chain.interventionId}
                className="border-b border-slate-100 align-top"
                data-testid="coverage-chain"
              >
                <td className="p-1">{chain.painIds.map(painText).join('; ') || '–'}</td>
                <th scope="row" className="p-1 font-medium">
                  {chain.priority && '★ '}
                  {data.interventions.find((i) => i.id === chain.interventionId)?.title}
                </th>
                <td className="p-1">
                  {chain.survey?.mean == null
                    ? '–'
                    : t('outputs.coverage.surveyCell', { mean: chain.survey.mean, rank: chain.survey.rank })}
                </td>
                <td className="p-1">{chain.matrix ? `${chain.matrix.x} / ${chain.matrix.y}` : '–'}</td>
                <td className="p-1">
                  {chain.accountable.length + chain.responsible.length === 0
                    ? '–'
                    : `A: ${chain.accountable.map((id) => nameOf(data.units, id)).join(', ') || '–'} · R: ${
                        chain.responsible.map((id) => nameOf(data.units, id)).join(', ') || '–'
                      }`}
                </td>
                <td className="p-1">
                  {chain.actions.length === 0 ? (
                    '–'
                  ) : (
                    <ul>
                      {chain.actions.map((a) => (
                        <li key={a.actionId}>
                          {actionTitle(a.actionId)}
                          {a.quadrant && ` (${t(`meeting3.quadrant.${a.quadrant}`)})`}
                          {' → '}
                          {a.waveId
                            ? `${nameOf(data.waves, a.waveId)}, ${t(`meeting4.status.${a.status}`)}`
                            : t('outputs.coverage.notInPipeline')}
                          {' → '}
                          {t('outputs.coverage.kpiCount', { count: a.kpiIds.length })}
                          {' · '}
                          {t('outputs.coverage.ruleCount', { count: a.ruleIds.length })}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </section>
  )
}
