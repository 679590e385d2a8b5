import type { ReactNode } from 'react'
import { actionPosition, constraintScore } from '../../../../shared/domain/actions.ts'
import { exportLabels, numberText } from '../../../../shared/exports/labels.ts'
import { reportScope } from '../../../../shared/exports/report-scope.ts'
import { type Cell, exportTables, type Table } from '../../../../shared/exports/tables.ts'
import type { Language } from '../../../../shared/i18n-language.ts'
import type { WorkshopExport } from '../../../../shared/schema/workshop-export.ts'
import { ScrollArea } from '../../components/ScrollArea.tsx'
import { ScatterChart } from './ScatterChart.tsx'

/**
 * The report for managers, one section per meeting with the outputs the method names, in the
 * workshop's language. The print stylesheet turns it into A4 pages without the app around it.
 */
export function Report({ data }: { data: WorkshopExport }) {
  const l = exportLabels(data.meta.language)
  const r = l.report
  const tables = exportTables(data)
  const interventionTitle = (id: string) => data.interventions.find((i) => i.id === id)?.title ?? ''
  const scope = reportScope(data)
  const quickWins = tables.benefit.rows
    .filter((row) => row[7] === l.values['quick-win'])
    .map((row) => String(row[0]))
  const h = l.headers
  const materialityPoints = data.interventions.flatMap((i, n) =>
    i.matrix
      ? [
          {
            id: i.id,
            mark: String(n + 1),
            label: i.title,
            detail: `${i.matrix.x} / ${i.matrix.y}`,
            point: i.matrix,
          },
        ]
      : [],
  )
  const benefitPoints = data.actions.flatMap((a, n) => {
    const point = actionPosition(a.scores)
    const constraint = constraintScore(a.scores)
    const detail = `${h.benefit} ${a.scores.benefit} · ${h.constraint} ${constraint === null ? '' : numberText(constraint, data.meta.language)}`
    return point ? [{ id: a.id, mark: String(n + 1), label: a.title, detail, point }] : []
  })
  return (
    <article
      lang={data.meta.language}
      aria-labelledby="report-title"
      className="report grid gap-6 rounded-lg border border-slate-200 bg-white p-6"
      data-testid="report"
    >
      <header>
        <h2 id="report-title" className="text-2xl font-bold">
          {r.title}: {data.meta.title}
        </h2>
        {data.meta.organisation && <p className="text-slate-700">{data.meta.organisation}</p>}
        {data.meta.focus && <p className="mt-2 whitespace-pre-line">{data.meta.focus}</p>}
      </header>
      <Section title={r.meeting1}>
        <h4 className="font-semibold">{r.scope}</h4>
        <List items={scope.items} none={r.none} />
        <h4 className="font-semibold">{r.segments}</h4>
        <List items={scope.customers} none={r.none} />
        <h4 className="font-semibold">{r.journey}</h4>
        <ReportTable table={tables.journey} none={r.noJourneyData} language={data.meta.language} />
      </Section>
      <Section title={r.survey}>
        {data.survey?.results ? (
          <ReportTable table={tables.survey} none={r.none} language={data.meta.language} />
        ) : (
          <p>{r.noSurvey}</p>
        )}
      </Section>
      <Section title={r.meeting2} breakBefore>
        <h4 className="font-semibold">{r.priorities}</h4>
        <List items={data.priorities.map(interventionTitle)} none={r.none} />
        {materialityPoints.length > 0 && (
          <ScatterChart
            title={l.sheets.materiality}
            points={materialityPoints}
            xLabel={data.materiality.xLabel ?? l.headers.customers}
            yLabel={data.materiality.yLabel ?? l.headers.organisation}
            threshold={{ x: data.materiality.threshold, y: data.materiality.threshold }}
          />
        )}
        <h4 className="font-semibold">{r.raci}</h4>
        <ReportTable table={tables.raci} none={r.none} language={data.meta.language} />
      </Section>
      <Section title={r.meeting3} breakBefore>
        <h4 className="font-semibold">{r.quickWins}</h4>
        <List items={quickWins} none={r.none} />
        {benefitPoints.length > 0 && (
          <ScatterChart
            title={l.sheets.benefit}
            points={benefitPoints}
            xLabel={l.headers.constraint}
            yLabel={l.headers.benefit}
            threshold={{
              x: ((data.actionThresholds.constraint - 1) / 4) * 100,
              y: ((data.actionThresholds.benefit - 1) / 4) * 100,
            }}
          />
        )}
        <h4 className="font-semibold">{r.metrics}</h4>
        <List items={data.metrics.filter((m) => m.chosen).map((m) => m.name)} none={r.none} />
      </Section>
      <Section title={r.meeting4} breakBefore>
        <div className="print-wide grid gap-2">
          <h4 className="font-semibold">{r.pipeline}</h4>
          <ReportTable table={tables.pipeline} none={r.none} language={data.meta.language} />
          <h4 className="font-semibold">{r.kpis}</h4>
          <ReportTable table={tables.kpis} none={r.none} language={data.meta.language} />
        </div>
        <h4 className="font-semibold">{r.rules}</h4>
        <List items={data.goldenRules.map((g) => (g.approved ? `✓ ${g.text}` : g.text))} none={r.none} />
      </Section>
    </article>
  )
}

function Section({
  title,
  breakBefore,
  children,
}: {
  title: string
  breakBefore?: boolean
  children: ReactNode
}) {
  return (
    <section className={`grid gap-2 ${breakBefore ? 'print-break' : ''}`} aria-label={title}>
      <h3 className="border-b border-slate-300 pb-1 text-xl font-semibold">{title}</h3>
      {children}
    </section>
  )
}

function List({ items, none }: { items: string[]; none: string }) {
  if (items.length === 0) return <p className="text-slate-600">{none}</p>
  return (
    <ul className="list-disc pl-5">
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a printed list of texts that may repeat
        <li key={`${i}:${item}`}>{item}</li>
      ))}
    </ul>
  )
}

const show = (cell: Cell, language: Language) =>
  cell === null
    ? ''
    : typeof cell === 'object'
      ? new Date(`${cell.date}T00:00:00Z`).toLocaleDateString(language, { timeZone: 'UTC' })
      : typeof cell === 'number'
        ? numberText(cell, language)
        : cell

function ReportTable({ table, none, language }: { table: Table; none: string; language: Language }) {
  if (table.rows.length === 0) return <p className="text-slate-600">{none}</p>
  return (
    <ScrollArea label={table.name}>
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr>
            {table.headers.map((h) => (
              <th key={h} scope="col" className="border border-slate-300 bg-slate-100 p-1">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of a printed table, rebuilt whole on each change
            <tr key={i} className="break-inside-avoid">
              {row.map((cell, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells by column
                <td key={j} className="border border-slate-300 p-1 align-top whitespace-pre-line">
                  {show(cell, language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  )
}
