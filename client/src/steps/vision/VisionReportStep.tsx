import { exportVision } from '../../../../shared/exports/vision.ts'
import { useDocValue, useSession } from '../../collab/hooks.ts'
import { ScrollArea } from '../../components/ScrollArea.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { ExportButtons } from '../outputs/ExportButtons.tsx'
import { RadarChart } from './RadarChart.tsx'

/** The vision report: chosen factors with today and target, personas, moments of truth, the culture results. */
export function VisionReportStep() {
  const { t } = useTranslation()
  const session = useSession()
  const data = useDocValue([session.content, session.control], () =>
    exportVision(session.content, session.control),
  )
  const chosen = data.factors.filter((f) => f.chosen)
  return (
    <div className="grid gap-6">
      <div data-print="hide">
        <h2 className="text-2xl font-semibold">{t('steps.vision.title')}</h2>
        <p className="text-slate-700">{t('steps.vision.purpose')}</p>
      </div>
      <ExportButtons files={['vision-scores.xlsx', 'vision.md', 'vision.json']} />
      <article
        lang={data.language}
        className="report grid gap-6 rounded-lg border border-slate-200 bg-white p-6"
        data-testid="vision-report"
      >
        <header>
          <h2 className="text-2xl font-bold">
            {t('vision.report.title')}: {data.title}
          </h2>
          <p className="text-slate-700" data-testid="vision-report-context">
            {[data.organisation, new Date().toLocaleDateString(data.language)].filter(Boolean).join(' · ')}
          </p>
        </header>
        <section aria-label={t('vision.report.factors')} className="grid gap-2">
          <h3 className="border-b border-slate-300 text-xl font-semibold">{t('vision.report.factors')}</h3>
          {chosen.length === 0 ? (
            <p>{t('vision.report.none')}</p>
          ) : (
            <div className="flex flex-wrap gap-6">
              <RadarChart
                title={t('vision.factors.radar')}
                labels={chosen.map((f) => f.name)}
                max={10}
                series={[
                  {
                    name: t('vision.factors.axes.today'),
                    colour: '#b45309',
                    values: chosen.map((f) => f.today),
                  },
                  {
                    name: t('vision.factors.axes.target'),
                    colour: '#4338ca',
                    values: chosen.map((f) => f.target),
                  },
                ]}
              />
              <div className="grid content-start gap-2">
                <table className="text-left text-sm" data-testid="report-factors">
                  <thead>
                    <HeaderRow
                      labels={[
                        t('vision.factors.name'),
                        t('vision.factors.axes.today'),
                        t('vision.factors.axes.target'),
                        t('vision.factors.gap'),
                      ]}
                    />
                  </thead>
                  <tbody>
                    {chosen.map((f) => (
                      <tr key={f.id} className="border-b border-slate-100">
                        <th scope="row" className="p-1 text-left">
                          <strong>{f.name}</strong>
                          <span className="block text-xs font-normal text-slate-700">{f.meaning}</span>
                        </th>
                        <td className="p-1">{f.today ?? '–'}</td>
                        <td className="p-1">{f.target ?? '–'}</td>
                        <td className="p-1 font-semibold">{f.gap ?? '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {data.factorAnswers !== null && (
                  <p className="text-sm">{t('vision.report.respondents', { count: data.factorAnswers })}</p>
                )}
              </div>
            </div>
          )}
        </section>
        <section aria-label={t('vision.personas.heading')} className="print-break grid gap-2">
          <h3 className="border-b border-slate-300 text-xl font-semibold">{t('vision.personas.heading')}</h3>
          {data.personas.length === 0 && <p>{t('vision.report.none')}</p>}
          <ul className="grid gap-3 md:grid-cols-2">
            {data.personas.map((p) => (
              <li
                key={p.id}
                className="break-inside-avoid rounded border border-slate-300 p-3"
                data-testid="report-persona"
              >
                <p className="text-lg font-semibold" style={{ color: p.colour }}>
                  {p.name}
                </p>
                <p className="text-sm">
                  {[
                    p.age !== null ? t('vision.personas.years', { count: p.age }) : '',
                    p.texts.occupation,
                    p.texts.status,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {p.texts.quote && <blockquote className="italic">«{p.texts.quote}»</blockquote>}
                {p.texts.goals && (
                  <p>
                    <strong>{t('vision.personas.fields.goals')}:</strong> {p.texts.goals}
                  </p>
                )}
                {p.texts.frustrations && (
                  <p>
                    <strong>{t('vision.personas.fields.frustrations')}:</strong> {p.texts.frustrations}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={t('vision.moments.heading')} className="grid gap-2">
          <h3 className="border-b border-slate-300 text-xl font-semibold">{t('vision.moments.heading')}</h3>
          {data.moments.length === 0 ? (
            <p>{t('vision.report.none')}</p>
          ) : (
            <ul className="list-disc pl-5" data-testid="report-moments">
              {data.moments.map((m) => (
                <li key={m.id}>
                  <strong>
                    {data.personas.find((p) => p.id === m.personaId)?.name} ·{' '}
                    {data.stages.find((s) => s.id === m.stageId)?.name}
                  </strong>
                  : {m.excellent}
                  {m.factor && ` (${m.factor})`}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-label={t('steps.culture.title')} className="print-break grid gap-2">
          <h3 className="border-b border-slate-300 text-xl font-semibold">{t('steps.culture.title')}</h3>
          {!data.culture ? (
            <p>{t('vision.report.none')}</p>
          ) : (
            <>
              <RadarChart
                title={t('vision.culture.radar')}
                labels={data.culture.areas.map((a) => a.area)}
                max={5}
                series={[
                  {
                    name: t('vision.culture.mean'),
                    colour: '#4338ca',
                    values: data.culture.areas.map((a) => a.mean),
                  },
                ]}
              />
              <p className="text-sm">{t('vision.report.respondents', { count: data.culture.answers })}</p>
              <table className="text-left text-sm" data-testid="report-areas">
                <caption className="text-left font-semibold">{t('vision.report.areas')}</caption>
                <thead>
                  <HeaderRow labels={[t('vision.culture.area'), t('vision.culture.mean')]} />
                </thead>
                <tbody>
                  {data.culture.areas.map((a) => (
                    <tr key={a.area} className="border-b border-slate-100">
                      <th scope="row" className="p-1 font-normal">
                        {a.area}
                      </th>
                      <td className="p-1">{a.mean ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ScrollArea label={t('vision.culture.weakest')}>
                <table className="w-full text-left text-sm" data-testid="report-statements">
                  <caption className="text-left font-semibold">{t('vision.culture.weakest')}</caption>
                  <thead>
                    <HeaderRow
                      labels={[
                        t('vision.culture.statement'),
                        t('vision.culture.area'),
                        t('vision.culture.mean'),
                        t('vision.culture.spread'),
                      ]}
                    />
                  </thead>
                  <tbody>
                    {data.culture.weakest.slice(0, 10).map((id) => {
                      const s = data.culture!.statements.find((x) => x.id === id)!
                      return (
                        <tr key={id} className="border-b border-slate-100">
                          <th scope="row" className="p-1 font-normal">
                            {s.text}
                          </th>
                          <td className="p-1">{s.area}</td>
                          <td className="p-1">{s.mean ?? '–'}</td>
                          <td className="p-1">{s.spread ?? '–'}</td>
                        </tr>
                      )
                    })}
                  </tbody>
                </table>
              </ScrollArea>
            </>
          )}
        </section>
      </article>
    </div>
  )
}

/** A report table's column headers. */
function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <tr className="border-b border-slate-300">
      {labels.map((label) => (
        <th key={label} scope="col" className="p-1">
          {label}
        </th>
      ))}
    </tr>
  )
}
