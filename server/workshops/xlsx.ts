import type ExcelJS from 'exceljs'
import { type Cell, exportTables, type Table } from '../../shared/exports/tables.ts'
import type { WorkshopExport } from '../../shared/schema/workshop-export.ts'

const toValue = (cell: Cell): ExcelJS.CellValue =>
  cell === null ? null : typeof cell === 'object' ? new Date(`${cell.date}T00:00:00Z`) : cell

/**
 * The workbook a manager opens: one sheet per table (pipeline, KPIs, RACI, materiality,
 * benefit/constraint, survey, pains, NPS and CES by stage, action updates, KPI readings), header row bold and frozen, dates as dates, numbers as
 * numbers, columns wide enough to read.
 */
export const workshopXlsx = (data: WorkshopExport) =>
  tablesXlsx(Object.values(exportTables(data)), data.meta.title)

export async function tablesXlsx(tables: readonly Table[], title: string): Promise<Buffer> {
  // ExcelJS is large (about 20 MiB in memory): loaded on the first spreadsheet, not at start.
  const { default: Excel } = await import('exceljs')
  const workbook = new Excel.Workbook()
  workbook.creator = 'Tavolo'
  workbook.title = title
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.addRow(table.headers).font = { bold: true }
    for (const row of table.rows) sheet.addRow(row.map(toValue))
    table.headers.forEach((header, i) => {
      const column = sheet.getColumn(i + 1)
      const longest = Math.max(
        header.length,
        ...table.rows.map((r) => String(toValue(r[i] ?? null) ?? '').length),
      )
      column.width = Math.min(60, Math.max(10, longest + 2))
      if (table.rows.some((r) => typeof r[i] === 'object' && r[i] !== null)) column.numFmt = 'yyyy-mm-dd'
    })
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
