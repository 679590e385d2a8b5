// The exports of a large workshop: 300 action cards in the pipeline, 100 KPIs, 50 rules.
// Measures building the JSON export, the XLSX workbook, the CSV and the Markdown report, as
// the server does for each download. Bounded: a fixed workshop, five rounds.
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { workshopXlsx } from '../../server/workshops/xlsx.ts'
import { toCsv } from '../../shared/exports/csv.ts'
import { reportMarkdown } from '../../shared/exports/report-markdown.ts'
import { exportTables } from '../../shared/exports/tables.ts'
import { addAction, setActionScores } from '../../shared/schema/actions.ts'
import { addGoldenRule } from '../../shared/schema/golden-rules.ts'
import { initialWorkshopUpdates } from '../../shared/schema/init.ts'
import { addKpi } from '../../shared/schema/kpis.ts'
import { addPipelineEntries, readWaves } from '../../shared/schema/pipeline.ts'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'

export async function benchExports(): Promise<void> {
  const content = new Y.Doc()
  const control = new Y.Doc()
  const seed = initialWorkshopUpdates({ title: 'Bench', organisation: '', language: 'it', demo: true })
  Y.applyUpdate(content, seed.content)
  Y.applyUpdate(control, seed.control)
  const waves = readWaves(content).map((w) => w.id)
  const actions: string[] = []
  for (let i = 0; i < 300; i++) {
    const id = addAction(content, null, `Azione ${i}, con una virgola e "virgolette"`)
    setActionScores(content, id, {
      benefit: 1 + (i % 5),
      cost: 1 + (i % 3),
      complexity: 2,
      time: 1 + (i % 4),
    })
    actions.push(id)
  }
  addPipelineEntries(
    content,
    actions.map((actionId, i) => ({
      actionId,
      waveId: waves[i % waves.length]!,
      owner: `Persona ${i}`,
      unitId: null,
    })),
  )
  for (let i = 0; i < 100; i++) addKpi(content, `KPI ${i}`, { actionIds: [actions[i]!] })
  for (let i = 0; i < 50; i++) addGoldenRule(content, `Regola ${i}`)

  const timings: Record<string, number[]> = { json: [], xlsx: [], csv: [], markdown: [] }
  let bytes = { json: 0, xlsx: 0 }
  for (let round = 0; round < 5; round++) {
    let t = performance.now()
    const data = exportWorkshop(content, control)
    const json = JSON.stringify(data)
    timings.json!.push(performance.now() - t)
    t = performance.now()
    const xlsx = await workshopXlsx(data)
    timings.xlsx!.push(performance.now() - t)
    t = performance.now()
    toCsv(exportTables(data).pipeline)
    timings.csv!.push(performance.now() - t)
    t = performance.now()
    reportMarkdown(data)
    timings.markdown!.push(performance.now() - t)
    bytes = { json: json.length, xlsx: xlsx.length }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
  console.log('\nExports of a workshop with 300 actions, 100 KPIs, 50 rules (median of 5)')
  for (const [name, values] of Object.entries(timings))
    console.log(`  ${name.padEnd(9)} ${median(values).toFixed(1)} ms`)
  console.log(
    `  sizes     JSON ${(bytes.json / 1024).toFixed(0)} KiB, XLSX ${(bytes.xlsx / 1024).toFixed(0)} KiB`,
  )
}
