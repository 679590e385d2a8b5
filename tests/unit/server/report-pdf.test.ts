import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import { startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
let dir: string
beforeAll(async () => {
  server = await startTestServer()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-pdf-'))
})
afterAll(async () => {
  await server.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Imports the full workshop in a language and downloads its report.pdf with the viewer key; its text in drawing order (a cell's wrapped lines together). */
async function reportOf(language: 'it' | 'en') {
  const { content, control } = fullWorkshop(language)
  const data = exportWorkshop(content, control)
  const created = await fetch(`${server.base}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  })
  const { id, keys } = (await created.json()) as { id: string; keys: { viewer: string } }
  const response = await fetch(`${server.base}/api/workshops/${id}/exports/report.pdf`, {
    headers: { authorization: `Bearer ${keys.viewer}` },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/pdf')
  const file = path.join(dir, `report-${language}.pdf`)
  fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()))
  return { file, data, text: execFileSync('pdftotext', ['-raw', file, '-']).toString('utf8') }
}

describe('report.pdf, built on the server', () => {
  it('holds every section and typed value, in Italian with its accents, with the fonts embedded', async () => {
    const { file, data, text } = await reportOf('it')
    const flat = text.replace(/\s+/g, ' ')
    for (const heading of [
      'Rapporto del gruppo di miglioramento: Qualità, "prima" di tutto',
      'Incontro 1 · Perimetro',
      'Problemi nel perimetro',
      'NPS e CES lungo il percorso',
      'Sondaggio lampo',
      'Incontro 2 · Priorità e ruoli',
      'Aree prioritarie',
      'RACI',
      'Incontro 3 · Azioni',
      'Quick win',
      'Metriche per il set di KPI',
      'Incontro 4 · Pipeline',
      'Set di KPI',
      "Regole d'oro",
      'Follow-up',
      'Aggiornamenti delle azioni',
      'Misure dei KPI',
      'Copertura',
    ])
      expect(flat, heading).toContain(heading)
    for (const value of [
      data.meta.organisation,
      // The stages with NPS or CES data, in the journey table.
      ...data.stageData.map((d) => data.stages.find((s) => s.id === d.stageId)!.name),
      ...data.interventions.map((i) => i.title),
      ...data.actions.map((a) => a.title),
      'Giulia Bianchi',
      'Customer care',
      '-39,7',
      '15/04/2027',
      'Ritardi, al mese',
      '4,5',
      'più basso',
      'Il cliente sa sempre quando arriva la sua auto',
      'Primo turno serale, "pilota" a Milano',
      'Dopo il pilota; stima',
      '3,8',
      // The matrices are drawn with a legend of their points.
      '1. Listino unico per tutti i canali (90; 80)',
      'Rilevanza per i clienti',
      'Vincoli (media)',
    ])
      expect(flat, value).toContain(value)
    const fonts = execFileSync('pdffonts', [file]).toString('utf8')
    expect(fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    expect(fonts).toMatch(/NotoSans-Bold\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)

    // Every page renders; the first one is an image of real size with ink on it.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString('utf8'))![1])
    expect(pages).toBeGreaterThanOrEqual(2)
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '40',
      '-f',
      '1',
      '-l',
      String(pages),
      file,
      path.join(dir, 'page'),
    ])
    const images = fs.readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'))
    expect(images).toHaveLength(pages)
    for (const image of images) expect(fs.statSync(path.join(dir, image)).size).toBeGreaterThan(5000)
  })

  it('in English for an English workshop', async () => {
    const { text } = await reportOf('en')
    const flat = text.replace(/\s+/g, ' ')
    for (const heading of ['Meeting 1 · Perimeter', 'Meeting 4 · Pipeline', 'Golden rules', 'Coverage'])
      expect(flat).toContain(heading)
  })
})
