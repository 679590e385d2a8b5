import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { coverage } from '../../../shared/domain/coverage.ts'
import { toCsv } from '../../../shared/exports/csv.ts'
import { reportMarkdown } from '../../../shared/exports/report-markdown.ts'
import { exportTables } from '../../../shared/exports/tables.ts'
import { exportProblems, exportWorkshop, importWorkshop } from '../../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'

describe('exports', () => {
  it('write RFC 4180 CSV with a BOM: commas, quotes, line breaks and accents survive', () => {
    const csv = toCsv({
      name: 't',
      headers: ['Azione', 'Note'],
      rows: [
        ['Consegna, serale', 'dice "subito"'],
        ['Più\nrighe', null],
        [3.5, { date: '2027-03-01' }],
      ],
    })
    expect(csv).toBe(
      '\uFEFFAzione,Note\r\n"Consegna, serale","dice ""subito"""\r\n"Più\nrighe",\r\n3.5,2027-03-01\r\n',
    )
  })

  it('turn the board into typed tables: dates as dates, numbers typed with a comma as numbers', () => {
    const { content, control } = fullWorkshop()
    const tables = exportTables(exportWorkshop(content, control))
    expect(tables.pipeline.headers).toEqual([
      'N.',
      'Ondata',
      'Azione',
      'Area prioritaria',
      'Quadrante',
      'Responsabile',
      'Unità',
      'Inizio',
      'Scadenza',
      'Stato',
      'KPI collegati',
    ])
    expect(tables.pipeline.rows[0]).toEqual([
      1,
      'Subito',
      'Consegna serale, su appuntamento',
      'Listino unico per tutti i canali',
      'quick win',
      'Giulia Bianchi',
      'Customer care',
      { date: '2027-03-01' },
      { date: '2027-04-15' },
      'in corso',
      'Ritardi, al mese',
    ])
    expect(tables.kpis.rows[0]!.slice(4, 7)).toEqual(['più basso', 4.5, 2])
    expect(tables.raci.rows.map((r) => r[0])).toEqual([
      'Listino unico per tutti i canali',
      'Auto sostitutiva garantita in 24 ore',
      'Accordo con noleggiatori',
    ])
  })

  it('survive a round trip: export, import into new documents, export again gives the same', () => {
    const { content, control } = fullWorkshop()
    const first = exportWorkshop(content, control)
    expect(exportProblems(first)).toEqual([])
    const [content2, control2] = [new Y.Doc(), new Y.Doc()]
    importWorkshop(content2, control2, JSON.parse(JSON.stringify(first)))
    expect(exportWorkshop(content2, control2)).toEqual(first)
  })

  it('name every dangling reference in a tampered export', () => {
    const { content, control } = fullWorkshop()
    const data = exportWorkshop(content, control)
    data.pains[0]!.stageId = 'nowhere'
    data.pipeline[0]!.actionId = 'ghost'
    data.units.push({ ...data.units[0]! })
    expect(exportProblems(data)).toEqual([
      `id ${data.units[0]!.id} is used twice`,
      'pains[0].stageId: no stage nowhere',
      'pipeline[0].actionId: no action ghost',
    ])
  })

  it('trace the chain and flag its breaks; the Markdown report has every meeting', () => {
    const { content, control, ids } = fullWorkshop()
    const data = exportWorkshop(content, control)
    const { chains, breaks } = coverage(data)
    expect(chains[0]).toMatchObject({
      interventionId: ids.prices,
      priority: true,
      matrix: { x: 90, y: 80 },
      accountable: [ids.sales],
      responsible: [ids.care],
      actions: [
        {
          actionId: ids.evening,
          quadrant: 'quick-win',
          status: 'in-progress',
          kpiIds: [ids.kpi],
          ruleIds: [ids.rule],
        },
      ],
    })
    expect(breaks.filter((b) => b.kind === 'priority-without-action')).toEqual([])
    expect(breaks.filter((b) => b.kind.startsWith('quick-win'))).toEqual([])
    // The demo's in-scope pains that no intervention addresses are flagged, by name in the report.
    const markdown = reportMarkdown(data)
    for (const heading of [
      '## Incontro 1 · Perimetro',
      '## Sondaggio lampo',
      '## Incontro 2 · Priorità e ruoli',
      '### RACI',
      '## Incontro 3 · Azioni',
      '## Incontro 4 · Pipeline',
      "### Regole d'oro",
      '## Copertura',
    ]) {
      expect(markdown).toContain(heading)
    }
    expect(markdown).toContain('| 1 | Subito | Consegna serale, su appuntamento |')
    expect(markdown).toContain('- Il cliente sa sempre quando arriva la sua auto')
    const unaddressed = breaks.filter((b) => b.kind === 'pain-without-intervention')
    for (const b of unaddressed)
      expect(markdown).toContain(
        `Problema nel perimetro senza intervento: ${data.pains.find((p) => p.id === b.id)!.text}`,
      )
  })
})
