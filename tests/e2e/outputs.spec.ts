import fs from 'node:fs'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../support/full-workshop.ts'
import { violations } from './a11y.ts'
import { expect, type TavoloProcess, test } from './fixtures.ts'
import { join } from './pages.ts'
import { pdfText, squeeze } from './pdf.ts'

const fullExport = () => {
  const { content, control } = fullWorkshop()
  return exportWorkshop(content, control)
}

const importFull = (tavolo: TavoloProcess) => tavolo.importFullWorkshop()

async function openStep(page: Page, step: RegExp) {
  await page.setViewportSize({ width: 1400, height: 1000 })
  await page.getByRole('navigation').getByRole('button', { name: step }).click()
}

async function downloadFrom(page: Page, button: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) }
}

test('outputs: live coverage, downloads that match the board, a report that prints', async ({
  tavolo,
  person,
}) => {
  const workshop = await importFull(tavolo)
  const fabio = (await person()).page
  const giulia = (await person()).page
  await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
  await openStep(fabio, /Risultati/)
  await expect(fabio.getByTestId('coverage-chain').first()).toContainText(
    '★ Listino unico per tutti i canali',
  )
  await expect(fabio.getByTestId('coverage-chain').first()).toContainText(
    'Consegna serale, su appuntamento (Quick win) → Subito, In corso → 1 KPI · 1 regola',
  )

  // Giulia adds a KPI linked to nothing in meeting 4: the facilitator's coverage flags it live.
  await openStep(giulia, /Incontro 4/)
  await giulia.getByRole('textbox', { name: 'Nuovo KPI' }).fill('Telefonate al call center')
  await giulia.getByRole('textbox', { name: 'Nuovo KPI' }).press('Enter')
  await expect(fabio.getByTestId('coverage-breaks')).toContainText(
    'KPI non collegato a nessuna azione: Telefonate al call center',
  )

  const xlsx = await downloadFrom(fabio, 'Foglio di calcolo (XLSX)')
  expect(xlsx.name).toBe('Qualità-prima-di-tutto-workshop.xlsx')
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer)
  const kpis = workbook.getWorksheet('KPI')!
  expect(kpis.getColumn(1).values.slice(2)).toEqual(['Ritardi, al mese', 'Telefonate al call center'])
  expect(kpis.getCell('F2').value).toBe(4.5)
  expect(workbook.getWorksheet('Pipeline')!.getCell('I2').value).toEqual(new Date('2027-04-15T00:00:00Z'))

  const csv = await downloadFrom(fabio, 'Pipeline (CSV)')
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csv.bytes.toString('utf8').slice(1).split('\r\n')
  expect(lines[0]).toBe(
    'N.,Ondata,Azione,Area prioritaria,Quadrante,Responsabile,Unità,Inizio,Scadenza,Stato,KPI collegati',
  )
  expect(lines[1]).toContain('"Consegna serale, su appuntamento"')

  const kpiCsv = (await downloadFrom(fabio, 'Set di KPI (CSV)')).bytes.toString('utf8').slice(1).split('\r\n')
  expect(kpiCsv.slice(1, 3)).toEqual([
    '"Ritardi, al mese",,,,più basso,4.5,2,mensile,,,"Consegna serale, su appuntamento"',
    'Telefonate al call center,,,,più alto,,,mensile,,,',
  ])

  const json = JSON.parse((await downloadFrom(fabio, 'Workshop completo (JSON)')).bytes.toString('utf8'))
  expect(json.kpis.map((k: { name: string }) => k.name)).toEqual([
    'Ritardi, al mese',
    'Telefonate al call center',
  ])
  const markdown = (await downloadFrom(fabio, 'Rapporto (Markdown)')).bytes.toString('utf8')
  expect(markdown).toContain('## Incontro 3 · Azioni')
  // The PDF built on the server, as a manager downloads it: what the board shows, on paper.
  const serverPdf = await downloadFrom(fabio, 'Rapporto (PDF)')
  expect(serverPdf.name).toMatch(/report\.pdf$/)
  expect(serverPdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  const pdfWords = pdfText(serverPdf.bytes)
  for (const heading of ['Incontro 1 · Perimetro', 'Incontro 4 · Pipeline', 'Copertura'])
    expect(pdfWords).toContain(squeeze(heading))
  // The calendar: one event per dated action, as a calendar application reads it.
  const calendar = await downloadFrom(fabio, 'Calendario della pipeline (ICS)')
  expect(calendar.name).toMatch(/pipeline\.ics$/)
  const events = new ICAL.Component(ICAL.parse(calendar.bytes.toString('utf8'))).getAllSubcomponents('vevent')
  const dated = json.pipeline.filter((e: { start: string | null; due: string | null }) => e.start || e.due)
  expect(events).toHaveLength(dated.length)
  expect(events.map((e) => e.getFirstPropertyValue('summary'))).toEqual(
    dated.map(
      (e: { actionId: string }) => json.actions.find((a: { id: string }) => a.id === e.actionId).title,
    ),
  )
  // One owner's actions, chosen from the owners the pipeline names.
  const owners = [
    ...new Set(json.pipeline.map((e: { owner: string }) => e.owner.trim()).filter(Boolean)),
  ] as string[]
  const owner = owners.sort((x, y) => x.localeCompare(y))[0]!
  await expect(fabio.getByLabel('Azioni di')).toHaveValue(owner)
  const mine = await downloadFrom(fabio, `Calendario di ${owner} (ICS)`)
  const mineEvents = new ICAL.Component(ICAL.parse(mine.bytes.toString('utf8'))).getAllSubcomponents('vevent')
  expect(mineEvents).toHaveLength(dated.filter((e: { owner: string }) => e.owner.trim() === owner).length)

  // The report, in print: no app around it, every meeting's section, a page per meeting.
  const report = fabio.getByTestId('report')
  for (const section of [
    'Incontro 1 · Perimetro',
    'Sondaggio lampo',
    'Incontro 2 · Priorità e ruoli',
    'Incontro 3 · Azioni',
    'Incontro 4 · Pipeline',
  ]) {
    await expect(report.getByRole('heading', { name: section, exact: true })).toBeVisible()
  }
  await expect(report.getByRole('img', { name: 'Materialità' })).toBeVisible()
  expect(await violations(fabio)).toEqual([])
  await fabio.emulateMedia({ media: 'print' })
  await expect(fabio.getByRole('navigation')).toBeHidden()
  await expect(fabio.getByRole('heading', { name: 'Esportazioni' })).toBeHidden()
  await expect(report.getByRole('heading', { name: 'Incontro 4 · Pipeline', exact: true })).toBeVisible()
  const pdf = await fabio.pdf({ format: 'A4' })
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
  expect(pages.length).toBeGreaterThanOrEqual(4)
  // On paper nothing is cut: every column of the wide tables and every value typed in them.
  const text = pdfText(pdf)
  for (const expected of [
    ...['N.', 'Ondata', 'Azione', 'Area prioritaria', 'Quadrante', 'Responsabile', 'Unità'],
    ...['Inizio', 'Scadenza', 'Stato', 'KPI collegati'],
    ...['Definizione', 'Formula', 'Unità di misura', 'Meglio se', 'Valore di partenza', 'Obiettivo'],
    ...['Frequenza', 'Fonte dei dati', 'Azioni collegate'],
    'Consegna serale, su appuntamento',
    'Giulia Bianchi',
    'in corso',
    '01/03/2027',
    '15/04/2027',
    'Ritardi, al mese',
    '4,5',
    'mensile',
    'NPS e CES lungo il percorso',
    'piccolo (meno di 30 risposte)',
    'Tutti i clienti',
    'Beneficio 5 · Vincoli (media) 1,3',
  ]) {
    expect(text, expected).toContain(squeeze(expected))
  }
})
