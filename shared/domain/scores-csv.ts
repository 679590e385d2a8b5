/**
 * Reads survey scores pasted or uploaded as CSV: one score per line, or a column of a table
 * with a header. Every bad line is reported with its number and what is wrong; nothing is
 * silently dropped. Pure: no Yjs, no DOM.
 */
export type ScoreKind = 'nps' | 'ces'
export type ScoreRange = { min: number; max: number }

export const SCORE_RANGES: Record<ScoreKind, ScoreRange> = {
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
}

export type LineError = {
  line: number
  text: string
  problem: 'not-a-number' | 'not-an-integer' | 'out-of-range'
}
export type ParsedScores = { scores: number[]; errors: LineError[]; column: string | null }

const HEADER_WORDS = /score|punteggio|voto|nps|ces|valutazione|rating|answer|risposta/i

function splitLine(line: string): string[] {
  const separator = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ','
  return line.split(separator).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  )
}

/**
 * @example parseScores('9\n10\n3', 'nps') // { scores: [9, 10, 3], errors: [], column: null }
 */
export function parseScores(text: string, kind: ScoreKind): ParsedScores {
  const { min, max } = SCORE_RANGES[kind]
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  let columnIndex = 0
  let column: string | null = null
  let start = 0
  const firstContent = lines.findIndex((line) => line.trim() !== '')
  if (firstContent >= 0) {
    const cells = splitLine(lines[firstContent]!)
    const headerAt = cells.findIndex((cell) => HEADER_WORDS.test(cell))
    const numericCells = cells.filter((cell) => cell !== '' && !Number.isNaN(Number(cell.replace(',', '.'))))
    if (headerAt >= 0 || (numericCells.length === 0 && cells.some((c) => c !== ''))) {
      columnIndex = Math.max(0, headerAt)
      column = cells[columnIndex] ?? null
      start = firstContent + 1
    }
  }
  const scores: number[] = []
  const errors: LineError[] = []
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!
    if (raw.trim() === '') continue
    const cell = splitLine(raw)[columnIndex] ?? ''
    const value = Number(cell.replace(',', '.'))
    const line = i + 1
    if (cell === '' || Number.isNaN(value)) errors.push({ line, text: raw, problem: 'not-a-number' })
    else if (!Number.isInteger(value)) errors.push({ line, text: raw, problem: 'not-an-integer' })
    else if (value < min || value > max) errors.push({ line, text: raw, problem: 'out-of-range' })
    else scores.push(value)
  }
  return { scores, errors, column }
}
