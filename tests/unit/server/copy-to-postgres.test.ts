// Moving an installation from SQLite to PostgreSQL: what a server on SQLite kept, a server on
// the copy serves the same (workshops, keys, documents, registrations, ballots, versions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { copySqliteToPostgres } from '../../../server/persistence/copy-to-postgres.ts'
import { addPain, readPains } from '../../../shared/schema/journey.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { connectProvider, sleep, whenSynced } from '../../support/clients.ts'
import { startPostgres, type TestPostgres } from '../../support/postgres.ts'
import { startTestServer, type TestServer, tempDataDir, workshopApi } from '../../support/server.ts'

let postgres: TestPostgres
beforeAll(async () => {
  postgres = await startPostgres()
}, 60_000)
afterAll(() => postgres?.stop())

describe('copying an SQLite installation into PostgreSQL', () => {
  it('serves the same workshop from the copy, and refuses to copy into a database that holds one', async () => {
    const dataDir = tempDataDir()
    let server: TestServer = await startTestServer({ DATABASE_URL: '' }, dataDir)
    const workshop = await server.createWorkshop({ demo: true, language: 'it' })
    const { api, join } = workshopApi(
      () => server.base,
      () => workshop.id,
      () => workshop.keys.participant,
    )
    const editor = connectProvider(server.wsBase, workshop.id, workshop.keys.facilitator)
    await whenSynced(editor.provider)
    for (let i = 0; i < 30; i++)
      addPain(editor.doc, readNamedList(editor.doc, 'stages')[0]!.id, `Problema ${i}`)
    await sleep(200)
    editor.provider.destroy()
    const anna = await join('Anna')
    const interventions = Object.keys(editor.doc.getMap('interventions').toJSON())
    const { body } = await api('/surveys', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { interventionIds: interventions.slice(0, 2), question: { kind: 'rating' }, anonymous: false },
    })
    const surveyId = body.id as string
    const ballot = { scores: { [interventions[0]!]: 4, [interventions[1]!]: 2 } }
    await api(`/surveys/${surveyId}/ballot`, {
      method: 'PUT',
      key: workshop.keys.participant,
      token: anna.token,
      body: ballot,
    })
    await api('/versions', {
      method: 'POST',
      key: workshop.keys.facilitator,
      body: { label: 'prima della copia' },
    })
    const exported = async () =>
      (await fetch(`${server.base}/api/workshops/${workshop.id}/exports/workshop.json`, {
        headers: { authorization: `Bearer ${workshop.keys.viewer}` },
      }).then((r) => r.json())) as Record<string, unknown>
    const before = await exported()
    const versionsBefore = (await api('/versions', { key: workshop.keys.facilitator })).body
    await server.close()

    const url = await postgres.newDatabase()
    const report = await copySqliteToPostgres(dataDir, url)
    expect(report.find((t) => t.table === 'workshops')?.rows).toBe(1)
    expect(report.find((t) => t.table === 'ballots')?.rows).toBe(1)
    expect(report.find((t) => t.table === 'versions')?.rows).toBeGreaterThanOrEqual(1)

    server = await startTestServer({ DATABASE_URL: url }, tempDataDir())
    try {
      expect((await api('', { key: workshop.keys.facilitator })).body).toMatchObject({
        id: workshop.id,
        role: 'facilitator',
        keys: workshop.keys,
      })
      expect(await exported()).toEqual(before)
      expect((await api('/versions', { key: workshop.keys.facilitator })).body).toEqual(versionsBefore)
      const mine = await api(`/surveys/${surveyId}/ballot`, {
        key: workshop.keys.participant,
        token: anna.token,
      })
      expect(mine.body).toEqual({ ballot })
      const reader = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer, new Y.Doc())
      await whenSynced(reader.provider)
      expect(readPains(reader.doc).filter((p) => p.text.startsWith('Problema '))).toHaveLength(30)
      reader.provider.destroy()
    } finally {
      await server.close()
    }
    await expect(copySqliteToPostgres(dataDir, url)).rejects.toThrow(/already holds workshops/)
  })
})
