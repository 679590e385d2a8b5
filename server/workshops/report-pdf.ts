import { createRequire } from 'node:module'
import { numberText } from '../../shared/exports/labels.ts'
import { type Chart, type ReportBlock, reportBlocks } from '../../shared/exports/report-blocks.ts'
import type { Cell, Table } from '../../shared/exports/tables.ts'
import type { Language } from '../../shared/i18n-language.ts'
import type { WorkshopExport } from '../../shared/schema/workshop-export.ts'

const require = createRequire(import.meta.url)
/** Noto Sans, embedded (subset) in every PDF: accented Italian prints right on any reader. */
const FONTS = {
  regular: require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
  bold: require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff'),
}
const MARGIN = 48
const INK = '#0f172a'
const MUTED = '#475569'

type Doc = PDFKit.PDFDocument

/**
 * The report as a PDF built on the server (no browser): the same blocks as the Markdown report
 * and the printed one, with the matrices drawn, on A4, in the workshop's language.
 */
export async function reportPdf(data: WorkshopExport): Promise<Buffer> {
  // PDFKit is loaded on the first PDF, as ExcelJS on the first spreadsheet.
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: data.meta.title, Author: data.meta.organisation || 'Tavolo', Creator: 'Tavolo' },
    lang: data.meta.language,
    displayTitle: true,
  })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.font('regular').fillColor(INK)
  for (const block of reportBlocks(data)) draw(doc, block, data.meta.language)
  doc.end()
  return done
}

const width = (doc: Doc) => doc.page.width - 2 * MARGIN
const bottom = (doc: Doc) => doc.page.height - MARGIN
function room(doc: Doc, needed: number) {
  if (doc.y + needed > bottom(doc)) doc.addPage()
}

function draw(doc: Doc, block: ReportBlock, language: Language): void {
  doc.x = MARGIN
  switch (block.kind) {
    case 'title':
      doc
        .font('bold')
        .fontSize(18)
        .fillColor(INK)
        .text(block.text, { width: width(doc) })
      return void doc.moveDown(0.3)
    case 'subtitle':
      return void doc.font('regular').fontSize(11).fillColor(MUTED).text(block.text).moveDown(0.3)
    case 'paragraph':
      return void doc
        .font('regular')
        .fontSize(10)
        .fillColor(INK)
        .text(block.text, { width: width(doc) })
        .moveDown(0.5)
    case 'section':
      room(doc, 80)
      doc.moveDown(0.6).font('bold').fontSize(14).fillColor('#3730a3').text(block.text)
      doc
        .moveTo(MARGIN, doc.y + 2)
        .lineTo(MARGIN + width(doc), doc.y + 2)
        .strokeColor('#c7d2fe')
        .lineWidth(1)
        .stroke()
      return void doc.moveDown(0.5)
    case 'subsection':
      room(doc, 50)
      return void doc.font('bold').fontSize(11).fillColor(INK).text(block.text).moveDown(0.2)
    case 'list':
      doc.font('regular').fontSize(9.5).fillColor(INK)
      if (block.items.length === 0) return void doc.fillColor(MUTED).text(block.none).moveDown(0.4)
      for (const item of block.items) {
        room(doc, 14)
        doc.text(`•  ${item}`, MARGIN + 6, doc.y, { width: width(doc) - 6 })
      }
      return void doc.moveDown(0.4)
    case 'table':
      drawTable(doc, block.table, block.none, language)
      return
    case 'chart':
      drawChart(doc, block.chart, language)
      return
  }
}

function cellText(cell: Cell, language: Language): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return numberText(cell, language)
  if (typeof cell === 'object')
    return new Date(`${cell.date}T00:00:00Z`).toLocaleDateString(language === 'it' ? 'it-IT' : 'en-GB', {
      timeZone: 'UTC',
    })
  return cell
}

function drawTable(doc: Doc, table: Table, none: string, language: Language): void {
  if (table.rows.length === 0)
    return void doc.font('regular').fontSize(9.5).fillColor(MUTED).text(none).moveDown(0.4)
  const rows = table.rows.map((row) => row.map((cell) => cellText(cell, language)))
  const pad = 3
  // Each column at least as wide as its longest word (no word cut in two), the rest of the
  // page shared by how much more each would like; a table too wide for that gets smaller type.
  let size = 8
  let widths: number[] = []
  for (size of [8, 7.5, 7, 6.5, 6]) {
    const measure = (text: string, font: 'regular' | 'bold') =>
      doc.font(font).fontSize(size).widthOfString(text)
    const words = (text: string, font: 'regular' | 'bold') =>
      Math.max(0, ...text.split(/\s+/).map((word) => measure(word, font)))
    const least = table.headers.map(
      (header, i) =>
        Math.max(words(header, 'bold'), ...rows.map((r) => words(r[i] ?? '', 'regular'))) + 2 * pad,
    )
    const wish = table.headers.map((header, i) =>
      Math.min(
        170,
        Math.max(measure(header, 'bold'), ...rows.map((r) => measure(r[i] ?? '', 'regular'))) + 2 * pad,
      ),
    )
    const spare = width(doc) - least.reduce((a, b) => a + b, 0)
    const extra = wish.map((w, i) => Math.max(0, w - least[i]!))
    const extraTotal = extra.reduce((a, b) => a + b, 0)
    widths = least.map(
      (w, i) => w + (extraTotal > 0 ? (Math.max(0, spare) * extra[i]!) / extraTotal : spare / least.length),
    )
    if (spare >= 0) break
  }
  const scale = width(doc) / widths.reduce((a, b) => a + b, 0)
  widths = widths.map((w) => w * scale)
  const rowHeight = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size)
    return (
      Math.max(...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad }))) +
      2 * pad
    )
  }
  const drawRow = (cells: readonly string[], font: 'regular' | 'bold', shade: string | null) => {
    const height = rowHeight(cells, font)
    const top = doc.y
    if (shade) doc.rect(MARGIN, top, width(doc), height).fill(shade)
    let x = MARGIN
    doc.font(font).fontSize(size).fillColor(INK)
    cells.forEach((text, i) => {
      doc.text(text, x + pad, top + pad, { width: widths[i]! - 2 * pad })
      x += widths[i]!
    })
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width(doc), top + height)
      .strokeColor('#e2e8f0')
      .lineWidth(0.5)
      .stroke()
    doc.x = MARGIN
    doc.y = top + height
  }
  room(doc, rowHeight(table.headers, 'bold') + rowHeight(rows[0]!, 'regular'))
  drawRow(table.headers, 'bold', '#e2e8f0')
  for (const row of rows) {
    if (doc.y + rowHeight(row, 'regular') > bottom(doc)) {
      doc.addPage()
      drawRow(table.headers, 'bold', '#e2e8f0')
    }
    drawRow(row, 'regular', null)
  }
  doc.moveDown(0.6)
}

/** A matrix: the points numbered on the square, the quadrants split, the numbers named beside it. */
function drawChart(doc: Doc, chart: Chart, language: Language): void {
  const size = 180
  room(doc, size + 40)
  const left = MARGIN + 30
  const top = doc.y + 4
  const scale = (value: number) => ((value - chart.min) / (chart.max - chart.min)) * size
  doc.rect(left, top, size, size).lineWidth(1).strokeColor('#64748b').stroke()
  const split = scale(chart.split)
  doc
    .moveTo(left + split, top)
    .lineTo(left + split, top + size)
    .dash(3, { space: 3 })
    .strokeColor('#94a3b8')
    .stroke()
  doc
    .moveTo(left, top + size - split)
    .lineTo(left + size, top + size - split)
    .stroke()
    .undash()
  doc.font('regular').fontSize(7).fillColor(MUTED)
  doc.text(numberText(chart.min, language), left - 24, top + size - 4, { width: 20, align: 'right' })
  doc.text(numberText(chart.max, language), left - 24, top - 2, { width: 20, align: 'right' })
  doc.text(numberText(chart.max, language), left + size - 12, top + size + 2, { width: 24, align: 'center' })
  doc.fontSize(8).text(chart.xLabel, left, top + size + 12, { width: size, align: 'center' })
  doc.save().rotate(-90, { origin: [left - 22, top + size / 2] })
  doc.text(chart.yLabel, left - 22 - size / 2, top + size / 2 - 4, { width: size, align: 'center' })
  doc.restore()
  chart.points.forEach((point, i) => {
    const cx = left + scale(point.x)
    const cy = top + size - scale(point.y)
    doc.circle(cx, cy, 7).fill('#4338ca')
    doc
      .font('bold')
      .fontSize(7)
      .fillColor('#ffffff')
      .text(String(i + 1), cx - 7, cy - 4, { width: 14, align: 'center' })
  })
  // The legend: number, name and where it sits.
  const legendLeft = left + size + 24
  let y = top
  doc
    .font('bold')
    .fontSize(9)
    .fillColor(INK)
    .text(chart.title, legendLeft, y, { width: MARGIN + width(doc) - legendLeft })
  y = doc.y + 4
  chart.points.forEach((point, i) => {
    doc.font('regular').fontSize(8).fillColor(INK)
    doc.text(
      `${i + 1}. ${point.label} (${numberText(Math.round(point.x * 100) / 100, language)}; ${numberText(Math.round(point.y * 100) / 100, language)})`,
      legendLeft,
      y,
      { width: MARGIN + width(doc) - legendLeft },
    )
    y = doc.y + 2
  })
  doc.x = MARGIN
  doc.y = Math.max(y, top + size + 26)
  doc.moveDown(0.5)
}
