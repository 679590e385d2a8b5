import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../support/full-workshop.ts'
import { violations } from './a11y.ts'
import { expect, type TavoloProcess, test } from './fixtures.ts'
import { join } from './pages.ts'

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
    '"Ritardi, al mese",,,,più alto,4.5,2,mensile,,,"Consegna serale, su appuntamento"',
    'Telefonate al call center,,,,più alto,,,mensile,,,',
  ])

  const json = JSON.parse((await downloadFrom(fabio, 'Workshop completo (JSON)')).bytes.toString('utf8'))
  expect(json.kpis.map((k: { name: string }) => k.name)).toEqual([
    'Ritardi, al mese',
    'Telefonate al call center',
  ])
  const markdown = (await downloadFrom(fabio, 'Rapporto (Markdown)')).bytes.toString('utf8')
  expect(markdown).toContain('## Incontro 3 · Azioni')

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

const squeeze = (text: string) => text.replace(/\s+/g, '')

/** The PDF's text in drawing order (cell by cell), with all white space taken out (cells wrap). */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-pdf-'))
  fs.writeFileSync(path.join(dir, 'report.pdf'), pdf)
  execFileSync('pdftotext', [
    '-raw',
    '-enc',
    'UTF-8',
    path.join(dir, 'report.pdf'),
    path.join(dir, 'report.txt'),
  ])
  return squeeze(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'))
}

test('a manager with the viewer key downloads over HTTP and in the browser, and cannot edit', async ({
  tavolo,
  person,
}) => {
  const workshop = await importFull(tavolo)
  const response = await fetch(`${tavolo.baseURL}/api/workshops/${workshop.id}/exports/kpis.csv`, {
    headers: { authorization: `Bearer ${workshop.keys.viewer}` },
  })
  expect(response.status).toBe(200)
  expect(new TextDecoder().decode(await response.arrayBuffer())).toContain('"Ritardi, al mese",')
  const manager = (await person()).page
  await join(manager, tavolo.link(workshop.id, workshop.keys.viewer), 'Direttrice')
  await openStep(manager, /Risultati/)
  const json = JSON.parse((await downloadFrom(manager, 'Workshop completo (JSON)')).bytes.toString('utf8'))
  expect(json.meta.title).toBe('Qualità, "prima" di tutto')
  await openStep(manager, /Incontro 4/)
  await expect(manager.getByRole('heading', { name: 'Pipeline delle azioni' })).toBeVisible()
  await expect(manager.getByRole('textbox', { name: "Nuova regola d'oro" })).toHaveCount(0)
  await expect(manager.getByRole('combobox', { name: 'Ondata' }).first()).toBeDisabled()
})

test('import: a valid export opens as a new workshop, a broken one is refused and creates nothing', async ({
  tavolo,
  person,
}) => {
  const { page } = await person()
  await page.goto(tavolo.baseURL)
  const input = page.getByLabel('File di esportazione JSON')
  await input.setInputFiles({
    name: 'rotto.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "tavolo-workshop", "version": 1'),
  })
  await expect(page.getByRole('alert')).toHaveText('Non importato: il file non è JSON')
  const tampered = fullExport()
  tampered.pipeline[0]!.waveId = 'sparita'
  await input.setInputFiles({
    name: 'manomesso.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(tampered)),
  })
  await expect(page.getByRole('alert')).toHaveText(
    // In the workshop's language, not the server's English explanation.
    "Non importato: il file non è un'esportazione di Tavolo completa e coerente, quindi non è stato importato nulla.",
  )
  await expect(page).toHaveURL(`${tavolo.baseURL}/`)

  await input.setInputFiles({
    name: 'buono.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(fullExport())),
  })
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('dialog').getByRole('textbox').fill('Fabio')
  await page.getByRole('dialog').getByRole('button').click()
  await expect(page.getByTestId('workshop-title')).toHaveText('Qualità, "prima" di tutto')
  await openStep(page, /Incontro 3/)
  await expect(
    page.locator('[data-testid="action-card"][data-action="Consegna serale, su appuntamento"]'),
  ).toBeVisible()
})
