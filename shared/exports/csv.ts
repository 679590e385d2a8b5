import type { Cell, Table } from './tables.ts'

const BOM = '\uFEFF'

/** What a spreadsheet would read as a formula at the start of a cell (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Text typed by people is neutralised the way OWASP recommends: a cell that a spreadsheet would
 * evaluate (`=HYPERLINK(...)`, a KPI formula written as `=delays/deliveries`) gets a leading
 * apostrophe, so it shows as the text it is. Numbers, typed as numbers, are left alone.
 */
function field(cell: Cell): string {
  if (cell === null) return ''
  const raw = typeof cell === 'object' ? cell.date : String(cell)
  const text = typeof cell === 'string' && FORMULA_START.test(raw) ? `'${raw}` : raw
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line breaks quoted
 * and inner quotes doubled; UTF-8 with a byte-order mark so Excel shows accents right.
 */
export function toCsv(table: Table): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(','))
  return `${BOM}${lines.join('\r\n')}\r\n`
}
