import type { Cell, Table } from './tables.ts'

const BOM = '\uFEFF'

function field(cell: Cell): string {
  if (cell === null) return ''
  const text = typeof cell === 'object' ? cell.date : String(cell)
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
