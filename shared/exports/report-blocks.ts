/**
 * The report as a sequence of blocks (headings, paragraphs, lists, tables, charts): what the
 * Markdown report and the PDF report are both written from, so they hold the same sections in
 * the same order. Pure, in the workshop's language.
 */
import { classifyAction, constraintScore } from '../domain/actions.ts'
import { coverage } from '../domain/coverage.ts'
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { exportLabels } from './labels.ts'
import { reportScope } from './report-scope.ts'
import { exportTables, type Table } from './tables.ts'

/** A point of a chart: its label and where it sits on two axes of 0-100 or 1-5. */
export type ChartPoint = { label: string; x: number; y: number }
export type Chart = {
  title: string
  xLabel: string
  yLabel: string
  min: number
  max: number
  split: number
  points: ChartPoint[]
}

export type ReportBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'section'; text: string }
  | { kind: 'subsection'; text: string }
  | { kind: 'list'; items: string[]; none: string }
  | { kind: 'table'; table: Table; none: string }
  | { kind: 'chart'; chart: Chart }

export function reportBlocks(data: WorkshopExport): ReportBlock[] {
  const l = exportLabels(data.meta.language)
  const r = l.report
  const tables = exportTables(data)
  const title = (id: string) => data.interventions.find((i) => i.id === id)?.title ?? ''
  const quickWins = tables.benefit.rows
    .filter((row) => row[7] === l.values['quick-win'])
    .map((row) => String(row[0]))
  const { breaks } = coverage(data)
  const scope = reportScope(data)
  const h = l.headers
  const materialityChart: Chart = {
    title: l.sheets.materiality,
    xLabel: h.customers,
    yLabel: h.organisation,
    min: 0,
    max: 100,
    split: 50,
    points: data.interventions.flatMap((i) =>
      i.matrix ? [{ label: i.title, x: i.matrix.x, y: i.matrix.y }] : [],
    ),
  }
  const benefitChart: Chart = {
    title: l.sheets.benefit,
    xLabel: h.constraint,
    yLabel: h.benefit,
    min: 1,
    max: 5,
    split: 3,
    points: data.actions.flatMap((a) => {
      const constraint = constraintScore(a.scores)
      return a.scores.benefit !== null &&
        constraint !== null &&
        classifyAction(a.scores, data.actionThresholds)
        ? [{ label: a.title, x: constraint, y: a.scores.benefit }]
        : []
    }),
  }
  const table = (t: Table): ReportBlock => ({ kind: 'table', table: t, none: r.none })
  const list = (items: string[], none = r.none): ReportBlock => ({ kind: 'list', items, none })
  const blocks: (ReportBlock | false)[] = [
    { kind: 'title', text: `${r.title}: ${data.meta.title}` },
    !!data.meta.organisation && { kind: 'subtitle', text: data.meta.organisation },
    !!data.meta.focus && { kind: 'paragraph', text: data.meta.focus },
    { kind: 'section', text: r.meeting1 },
    { kind: 'subsection', text: r.scope },
    list(scope.items),
    { kind: 'subsection', text: r.segments },
    list(scope.customers),
    { kind: 'subsection', text: r.journey },
    { kind: 'table', table: tables.journey, none: r.noJourneyData },
    { kind: 'section', text: r.survey },
    data.survey?.results ? table(tables.survey) : { kind: 'paragraph', text: r.noSurvey },
    { kind: 'section', text: r.meeting2 },
    { kind: 'subsection', text: r.priorities },
    list(data.priorities.map(title)),
    materialityChart.points.length > 0 && { kind: 'chart', chart: materialityChart },
    table(tables.materiality),
    { kind: 'subsection', text: r.raci },
    table(tables.raci),
    { kind: 'section', text: r.meeting3 },
    { kind: 'subsection', text: r.quickWins },
    list(quickWins),
    benefitChart.points.length > 0 && { kind: 'chart', chart: benefitChart },
    table(tables.benefit),
    { kind: 'subsection', text: r.metrics },
    list(data.metrics.filter((m) => m.chosen).map((m) => m.name)),
    { kind: 'section', text: r.meeting4 },
    { kind: 'subsection', text: r.pipeline },
    table(tables.pipeline),
    { kind: 'subsection', text: r.kpis },
    table(tables.kpis),
    { kind: 'subsection', text: r.rules },
    list(data.goldenRules.map((g) => g.text)),
    ...((data.followUp && (data.followUp.updates.length > 0 || data.followUp.readings.length > 0)
      ? [
          { kind: 'section', text: r.followUp },
          { kind: 'subsection', text: r.updates },
          table(tables.updates),
          { kind: 'subsection', text: r.readings },
          table(tables.readings),
        ]
      : []) as ReportBlock[]),
    { kind: 'section', text: r.coverage },
    list(breaks.map((b) => `${l.breaks[b.kind]}: ${describeBreak(data, b.kind, b.id)}`)),
  ]
  return blocks.filter((b): b is ReportBlock => b !== false)
}

function describeBreak(data: WorkshopExport, kind: string, id: string): string {
  if (kind === 'pain-without-intervention') return data.pains.find((p) => p.id === id)?.text ?? id
  if (kind === 'priority-without-action') return data.interventions.find((i) => i.id === id)?.title ?? id
  if (kind === 'kpi-without-action') return data.kpis.find((k) => k.id === id)?.name ?? id
  return data.actions.find((a) => a.id === id)?.title ?? id
}
