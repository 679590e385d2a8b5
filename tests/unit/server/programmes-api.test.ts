import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProgrammeDashboard } from '../../../shared/exports/programme.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import { type Keys, startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

type Answer = { status: number; body: Record<string, unknown>; headers: Headers }
async function call(
  path: string,
  init: { method?: string; key?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${server.base}/api${path}`, {
    method: init.method ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(init.key && { authorization: `Bearer ${init.key}` }),
      ...init.headers,
    },
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers }
}

async function importGroup(title: string) {
  const { content, control } = fullWorkshop()
  const data = exportWorkshop(content, control)
  data.meta.title = title
  const answer = await call('/workshops/import', { method: 'POST', body: data })
  expect(answer.status).toBe(201)
  return { ...(answer.body as { id: string; keys: Keys }), data }
}

describe('a programme of improvement groups', () => {
  it('is created with two keys; only its facilitator gets them back and adds groups, with each group\u2019s facilitator key', async () => {
    expect((await call('/programmes', { method: 'POST', body: { title: '  ' } })).status).toBe(400)
    const created = await call('/programmes', {
      method: 'POST',
      body: { title: 'Programma CX 2027', organisation: 'AutoLungo', language: 'it' },
    })
    expect(created.status).toBe(201)
    const { id, keys } = created.body as { id: string; keys: { facilitator: string; viewer: string } }
    expect((await call(`/programmes/${id}`, { key: keys.facilitator })).body).toMatchObject({
      role: 'facilitator',
      keys,
      groups: [],
    })
    const asViewer = await call(`/programmes/${id}`, { key: keys.viewer })
    expect(asViewer.body).toMatchObject({ role: 'viewer', title: 'Programma CX 2027' })
    expect(asViewer.body.keys).toBeUndefined()
    expect((await call(`/programmes/${id}`, { key: 'wrong' })).status).toBe(403)
    expect((await call(`/programmes/${id}`)).status).toBe(401)
    expect((await call('/programmes/nope', { key: keys.viewer })).status).toBe(404)

    const group = await importGroup('Consegne')
    const add = (workshopKey: string, programmeKey = keys.facilitator, workshopId = group.id) =>
      call(`/programmes/${id}/workshops`, {
        method: 'POST',
        key: programmeKey,
        body: { workshopId, workshopKey },
      })
    expect((await add(group.keys.participant)).status).toBe(403)
    expect((await add(group.keys.facilitator, keys.viewer)).status).toBe(403)
    expect((await add(group.keys.facilitator, keys.facilitator, 'ghost')).status).toBe(404)
    expect((await add(group.keys.facilitator)).body).toEqual({ workshops: [group.id] })
    expect((await add(group.keys.facilitator)).body).toEqual({ workshops: [group.id] })
    const removed = await call(`/programmes/${id}/workshops/${group.id}`, {
      method: 'DELETE',
      key: keys.facilitator,
    })
    expect(removed.body).toEqual({ workshops: [] })
  })

  it('the dashboard sums three groups, changes when a group works (ETag), and downloads as one workbook', async () => {
    const created = await call('/programmes', {
      method: 'POST',
      body: { title: 'Programma CX 2027', language: 'it' },
    })
    const { id, keys } = created.body as { id: string; keys: { facilitator: string; viewer: string } }
    const deliveries = await importGroup('Consegne')
    const billing = await importGroup('Fatturazione')
    const fresh = await call('/workshops', { method: 'POST', body: { title: 'Assistenza', language: 'it' } })
    const care = fresh.body as { id: string; keys: Keys }
    for (const group of [deliveries, billing, care])
      await call(`/programmes/${id}/workshops`, {
        method: 'POST',
        key: keys.facilitator,
        body: { workshopId: group.id, workshopKey: group.keys.facilitator },
      })

    const first = await call(`/programmes/${id}/dashboard`, { key: keys.viewer })
    expect(first.status).toBe(200)
    const dashboard = first.body as unknown as ProgrammeDashboard
    expect(dashboard.groups.map((g) => g.title)).toEqual(['Consegne', 'Fatturazione', 'Assistenza'])
    expect(dashboard.groups[0]).toMatchObject({
      step: 'setup',
      actions: { planned: 1, 'in-progress': 1, done: 0, dropped: 0 },
      quickWins: { total: 1, done: 0 },
      kpis: { onTrack: 1, offTrack: 0, other: 0 },
    })
    expect(dashboard.groups[2]).toMatchObject({ actions: { planned: 0 }, kpis: { onTrack: 0 } })
    expect(
      dashboard.actions.filter((a) => a.group === 'Consegne').map((a) => [a.action, a.status, a.percent]),
    ).toEqual([
      ['Consegna serale, su appuntamento', 'in-progress', 30],
      ['Nuovo portale clienti', 'planned', 0],
    ])
    expect(dashboard.kpis.map((k) => [k.group, k.name, k.latest, k.state])).toEqual([
      ['Consegne', 'Ritardi, al mese', 3.8, 'on-track'],
      ['Fatturazione', 'Ritardi, al mese', 3.8, 'on-track'],
    ])
    // The same units in two groups are one unit of the organisation: its load adds up.
    const careLoad = dashboard.units.find((u) => u.unit === 'Customer care')
    expect(careLoad).toMatchObject({ responsible: 4, groups: 2 })
    expect(dashboard.units[0]).toBe(careLoad)

    const etag = first.headers.get('etag')!
    expect(
      (await call(`/programmes/${id}/dashboard`, { key: keys.viewer, headers: { 'if-none-match': etag } }))
        .status,
    ).toBe(304)
    const entryId = deliveries.data.pipeline.find((e) => e.owner === 'Giulia Bianchi')!.id
    const update = await call(`/workshops/${deliveries.id}/follow-up/updates`, {
      method: 'POST',
      key: deliveries.keys.facilitator,
      body: { entryId, status: 'done', percent: 100, note: '', date: '2026-11-30' },
    })
    expect(update.status).toBe(201)
    const changed = await call(`/programmes/${id}/dashboard`, {
      key: keys.viewer,
      headers: { 'if-none-match': etag },
    })
    expect(changed.status).toBe(200)
    expect((changed.body as unknown as ProgrammeDashboard).groups[0]!.quickWins).toEqual({
      total: 1,
      done: 1,
    })

    const xlsx = await fetch(`${server.base}/api/programmes/${id}/exports/programme.xlsx`, {
      headers: { authorization: `Bearer ${keys.viewer}` },
    })
    expect(xlsx.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Gruppi',
      'Pipeline',
      'KPI',
      'Carico delle unità',
    ])
    expect(workbook.getWorksheet('Pipeline')!.getRow(2).values).toEqual([
      undefined,
      'Consegne',
      'Consegna serale, su appuntamento',
      'Giulia Bianchi',
      'Customer care',
      'Subito',
      new Date('2027-03-01T00:00:00Z'),
      new Date('2027-04-15T00:00:00Z'),
      'fatta',
      100,
    ])

    // A deleted workshop leaves the programme.
    await call(`/workshops/${care.id}`, { method: 'DELETE', key: care.keys.facilitator })
    const after = (await call(`/programmes/${id}`, { key: keys.viewer })).body as {
      groups: { title: string }[]
    }
    expect(after.groups.map((g) => g.title)).toEqual(['Consegne', 'Fatturazione'])
  })
})
