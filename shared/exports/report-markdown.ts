import type { Language } from '../i18n-language.ts'
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { numberText } from './labels.ts'
import { markdownText } from './markdown-text.ts'
import { type ReportBlock, reportBlocks } from './report-blocks.ts'
import type { Cell, Table } from './tables.ts'

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

function blockText(block: ReportBlock, language: Language): string {
  switch (block.kind) {
    case 'title':
      return `# ${markdownText(block.text)}`
    case 'subtitle':
      return `_${markdownText(block.text)}_`
    case 'paragraph':
      return markdownText(block.text)
    case 'section':
      return `## ${block.text}`
    case 'subsection':
      return `### ${block.text}`
    case 'list':
      return list(block.items, block.none)
    case 'table':
      return markdownTable(block.table, block.none, language)
    case 'chart':
      // The matrices are drawn in the PDF and the printed report; their table follows here.
      return ''
  }
}

/** The report as Markdown: per meeting, the outputs the method names, in the workshop's language. */
export function reportMarkdown(data: WorkshopExport): string {
  return reportBlocks(data)
    .map((block) => blockText(block, data.meta.language))
    .filter((part) => part !== '')
    .join('\n\n')
    .concat('\n')
}
