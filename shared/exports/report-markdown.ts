import { coverage } from '../domain/coverage.ts'
import type { Language } from '../i18n-language.ts'
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { exportLabels, numberText } from './labels.ts'
import { markdownText } from './markdown-text.ts'
import { reportScope } from './report-scope.ts'
import { type Cell, exportTables, type Table } from './tables.ts'

const cellText = (cell: Cell, language: Language) =>
  cell === null
    ? ''
    : typeof cell === 'object'
      ? cell.date
      : typeof cell === 'number'
        ? numberText(cell, language)
        : markdownText(cell)

function markdownTable(table: Table, none: string, language: Language): string {
  if (table.rows.length === 0) return `_${none}_`
  return [
    `| ${table.headers.map((h) => cellText(h, language)).join(' | ')} |`,
    `| ${table.headers.map(() => '---').join(' | ')} |`,
    ...table.rows.map((row) => `| ${row.map((cell) => cellText(cell, language)).join(' | ')} |`),
  ].join('\n')
}

const list = (items: string[], none: string) =>
  items.length === 0 ? `_${none}_` : items.map((i) => `- ${markdownText(i)}`).join('\n')

/** The report as Markdown: per meeting, the outputs the method names, in the workshop's language. */
export function reportMarkdown(data: WorkshopExport): string {
  const l = exportLabels(data.meta.language)
  const r = l.report
  const tables = exportTables(data)
  const title = (id: string) => data.interventions.find((i) => i.id === id)?.title ?? ''
  const quickWins = tables.benefit.rows
    .filter((row) => row[7] === l.values['quick-win'])
    .map((row) => String(row[0]))
  const { breaks } = coverage(data)
  const scope = reportScope(data)
  return [
    `# ${r.title}: ${markdownText(data.meta.title)}`,
    data.meta.organisation && `_${markdownText(data.meta.organisation)}_`,
    markdownText(data.meta.focus),
    `## ${r.meeting1}`,
    `### ${r.scope}`,
    list(scope.items, r.none),
    `### ${r.segments}`,
    list(scope.customers, r.none),
    `### ${r.journey}`,
    markdownTable(tables.journey, r.noJourneyData, data.meta.language),
    `## ${r.survey}`,
    data.survey?.results ? markdownTable(tables.survey, r.none, data.meta.language) : `_${r.noSurvey}_`,
    `## ${r.meeting2}`,
    `### ${r.priorities}`,
    list(data.priorities.map(title), r.none),
    markdownTable(tables.materiality, r.none, data.meta.language),
    `### ${r.raci}`,
    markdownTable(tables.raci, r.none, data.meta.language),
    `## ${r.meeting3}`,
    `### ${r.quickWins}`,
    list(quickWins, r.none),
    markdownTable(tables.benefit, r.none, data.meta.language),
    `### ${r.metrics}`,
    list(
      data.metrics.filter((m) => m.chosen).map((m) => m.name),
      r.none,
    ),
    `## ${r.meeting4}`,
    `### ${r.pipeline}`,
    markdownTable(tables.pipeline, r.none, data.meta.language),
    `### ${r.kpis}`,
    markdownTable(tables.kpis, r.none, data.meta.language),
    `### ${r.rules}`,
    list(
      data.goldenRules.map((g) => g.text),
      r.none,
    ),
    ...(data.followUp && (data.followUp.updates.length > 0 || data.followUp.readings.length > 0)
      ? [
          `## ${r.followUp}`,
          `### ${r.updates}`,
          markdownTable(tables.updates, r.none, data.meta.language),
          `### ${r.readings}`,
          markdownTable(tables.readings, r.none, data.meta.language),
        ]
      : []),
    `## ${r.coverage}`,
    list(
      breaks.map((b) => `${l.breaks[b.kind]}: ${describeBreak(data, b.kind, b.id)}`),
      r.none,
    ),
  ]
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n')
}

function describeBreak(data: WorkshopExport, kind: string, id: string): string {
  if (kind === 'pain-without-intervention') return data.pains.find((p) => p.id === id)?.text ?? id
  if (kind === 'priority-without-action') return data.interventions.find((i) => i.id === id)?.title ?? id
  if (kind === 'kpi-without-action') return data.kpis.find((k) => k.id === id)?.name ?? id
  return data.actions.find((a) => a.id === id)?.title ?? id
}
