import ExcelJS from 'exceljs'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import { startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

async function importJson(body: unknown) {
  const response = await fetch(`${server.base}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

const download = (id: string, file: string, key: string) =>
  fetch(`${server.base}/api/workshops/${id}/exports/${file}`, { headers: { authorization: `Bearer ${key}` } })

describe('the pipeline as a calendar over HTTP', () => {
  it("serves pipeline.ics with a viewer key in the address (as a calendar subscribes), and one owner's actions", async () => {
    const { content, control } = fullWorkshop()
    const data = exportWorkshop(content, control)
    for (const entry of data.pipeline) {
      entry.start = '2026-03-02'
      entry.due = '2026-03-31'
    }
    const created = await importJson(data)
    const { id, keys } = created.body as { id: string; keys: { viewer: string } }
    const feed = (query: string) =>
      fetch(`${server.base}/api/workshops/${id}/exports/pipeline.ics?key=${keys.viewer}${query}`)
    const all = await feed('')
    expect(all.status).toBe(200)
    expect(all.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const uids = (text: string) =>
      new ICAL.Component(ICAL.parse(text))
        .getAllSubcomponents('vevent')
        .map((e) => e.getFirstPropertyValue('uid'))
    const everything = uids(await all.text())
    expect(everything).toEqual(data.pipeline.map((e) => `${e.id}.${id}@tavolo`))
    const owner = data.pipeline.find((e) => e.owner)!.owner
    const mine = uids(await (await feed(`&owner=${encodeURIComponent(owner)}`)).text())
    expect(mine).toEqual(data.pipeline.filter((e) => e.owner === owner).map((e) => `${e.id}.${id}@tavolo`))
    expect((await feed('&owner=')).status).toBe(400)
    expect((await fetch(`${server.base}/api/workshops/${id}/exports/pipeline.ics`)).status).toBe(401)
  })
})

describe('imports and exports over HTTP', () => {
  it('imports a full workshop, and a viewer key downloads every export of it', async () => {
    const { content, control } = fullWorkshop()
    const data = exportWorkshop(content, control)
    const created = await importJson(data)
    expect(created.status).toBe(201)
    const { id, keys } = created.body as { id: string; keys: { viewer: string; participant: string } }

    const json = await download(id, 'workshop.json', keys.viewer)
    expect(json.status).toBe(200)
    expect(json.headers.get('content-disposition')).toMatch(
      /attachment; filename="Qualita-prima-di-tutto-workshop.json"/,
    )
    expect(await json.json()).toEqual(data)

    const csv = await download(id, 'pipeline.csv', keys.viewer)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await csv.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[1]).toBe(
      '1,Subito,"Consegna serale, su appuntamento",Listino unico per tutti i canali,quick win,Giulia Bianchi,Customer care,2027-03-01,2027-04-15,in corso,"Ritardi, al mese"',
    )

    const xlsx = await download(id, 'workshop.xlsx', keys.viewer)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Pipeline',
      'KPI',
      'RACI',
      'Materialità',
      'Beneficio-vincoli',
      'Sondaggio',
      'Problemi',
      'NPS e CES per fase',
      'Aggiornamenti azioni',
      'Misure KPI',
    ])
    // NPS and CES reach the manager per stage, with n and the small-sample flag.
    const journey = workbook.getWorksheet('NPS e CES per fase')!
    expect(journey.getRow(1).values).toEqual([
      undefined,
      'Fase',
      'NPS',
      'Risposte NPS',
      'Promotori',
      'Passivi',
      'Detrattori',
      'CES (media 1-7)',
      'Risposte CES',
      'Campione',
    ])
    expect(journey.getRow(2).values).toEqual([
      undefined,
      'Ricerca e preventivo',
      16,
      25,
      12,
      5,
      8,
      undefined,
      undefined,
      'piccolo (meno di 30 risposte)',
    ])
    const pipeline = workbook.getWorksheet('Pipeline')!
    expect(pipeline.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(pipeline.getCell('H2').value).toEqual(new Date('2027-03-01T00:00:00Z'))
    expect(workbook.getWorksheet('KPI')!.getCell('F2').value).toBe(4.5)

    const markdown = await (await download(id, 'report.md', keys.viewer)).text()
    expect(markdown).toContain('## Incontro 4 · Pipeline')
    expect(markdown).toContain(
      '| Ricerca e preventivo | 16 | 25 | 12 | 5 | 8 |  |  | piccolo (meno di 30 risposte) |',
    )
    expect(markdown).toContain(
      '| Firma del contratto |  |  |  |  |  | 3,5 | 28 | piccolo (meno di 30 risposte) |',
    )
    expect(markdown).toMatch(/### Clienti target\n\n- Tutti i clienti\n/)
    expect((await download(id, 'nope.pdf', keys.viewer)).status).toBe(404)
    expect((await download(id, 'workshop.json', 'wrong-key')).status).toBe(403)
  })

  it('refuses a file that is not an export, a malformed one and a tampered one, creating nothing', async () => {
    const { content, control } = fullWorkshop()
    const data = exportWorkshop(content, control)
    expect(await importJson('{"oops"')).toMatchObject({
      status: 400,
      body: { error: 'request body is not valid JSON' },
    })
    expect((await importJson({ title: 'x' })).body.error).toBe(
      'not a Tavolo workshop export: "format" must be "tavolo-workshop"',
    )
    const malformed = { ...data, actions: [{ ...data.actions[0], scores: { benefit: 9 } }] }
    expect((await importJson(malformed)).body.error).toMatch(
      /^the file is not a valid workshop export: actions\.0\.scores/,
    )
    const tampered = { ...data, pipeline: [{ ...data.pipeline[0], waveId: 'ghost' }], followUp: undefined }
    expect(await importJson(tampered)).toMatchObject({
      status: 400,
      body: { error: 'the file is not consistent: pipeline[0].waveId: no wave ghost' },
    })
  })
})

describe('the follow-up in the JSON export', () => {
  it('updates, readings and settings survive export and import; a dangling one is refused by name', async () => {
    const { content, control, ids } = fullWorkshop()
    const data = exportWorkshop(content, control)
    expect(data.followUp).toMatchObject({
      settings: { since: '2026-09-01', staleWeeks: 2, anyoneUpdates: false },
      updates: [
        {
          entryId: ids.entry,
          by: 'Giulia Bianchi',
          percent: 30,
          note: 'Primo turno serale, "pilota" a Milano',
        },
      ],
      readings: [
        { kpiId: ids.kpi, date: '2026-09-30', value: '4,4' },
        { kpiId: ids.kpi, date: '2026-10-31', value: '3,8', note: 'Dopo il pilota; stima' },
      ],
    })
    const created = await importJson(data)
    expect(created.status).toBe(201)
    const { id, keys } = created.body as { id: string; keys: { viewer: string } }
    const again = (await (await download(id, 'workshop.json', keys.viewer)).json()) as typeof data
    expect(again.followUp).toEqual(data.followUp)

    // The manager's files: the sheets, the two CSV files, the report's section.
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await (await download(id, 'workshop.xlsx', keys.viewer)).arrayBuffer())
    const readings = workbook.getWorksheet('Misure KPI')!
    expect(readings.getRow(1).values).toEqual([undefined, 'KPI', 'Data', 'Valore', 'Fonte', 'Nota'])
    expect(readings.getRow(3).values).toEqual([
      undefined,
      'Ritardi, al mese',
      new Date('2026-10-31T00:00:00Z'),
      3.8,
      'CRM',
      'Dopo il pilota; stima',
    ])
    const updates = workbook.getWorksheet('Aggiornamenti azioni')!
    expect(updates.getRow(2).values).toEqual([
      undefined,
      'Consegna serale, su appuntamento',
      new Date('2026-10-05T00:00:00Z'),
      'Giulia Bianchi',
      'in corso',
      30,
      'Primo turno serale, "pilota" a Milano',
      '2026-10-05 17:30',
    ])
    const csv = (file: string) => download(id, file, keys.viewer).then((r) => r.text())
    expect((await csv('kpi-readings.csv')).split('\r\n').slice(0, 3)).toEqual([
      'KPI,Data,Valore,Fonte,Nota',
      '"Ritardi, al mese",2026-09-30,4.4,CRM,',
      '"Ritardi, al mese",2026-10-31,3.8,CRM,Dopo il pilota; stima',
    ])
    expect((await csv('action-updates.csv')).split('\r\n')[1]).toBe(
      '"Consegna serale, su appuntamento",2026-10-05,Giulia Bianchi,in corso,30,"Primo turno serale, ""pilota"" a Milano",2026-10-05 17:30',
    )
    const report = await csv('report.md')
    expect(report).toContain('## Follow-up')
    expect(report).toContain('| Ritardi, al mese | 2026-10-31 | 3,8 | CRM | Dopo il pilota; stima |')

    const dangling = structuredClone(data)
    dangling.followUp!.readings[0]!.kpiId = 'ghost'
    expect((await importJson(dangling)).body.error).toMatch(/followUp\.readings\[0\]\.kpiId: no KPI ghost/)
    const badPercent = structuredClone(data)
    badPercent.followUp!.updates[0]!.percent = 140
    expect((await importJson(badPercent)).body.error).toMatch(/followUp\.updates\.0\.percent/)
    // An export from before the follow-up still imports.
    const { followUp: _, ...older } = data
    expect((await importJson(older)).status).toBe(201)
  })
})
