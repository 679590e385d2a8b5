import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readVote } from '../../../shared/schema/control.ts'
import {
  type CreatedWorkshop,
  startTestServer,
  type TestServer,
  watchedDemoWorkshop,
  workshopApi,
} from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop
let control: Y.Doc
let ids: string[]
let watched: Awaited<ReturnType<typeof watchedDemoWorkshop>>
const { api } = workshopApi(
  () => server.base,
  () => workshop.id,
  () => workshop.keys.participant,
)
const register = async (name: string, browserId?: string) =>
  api('/participants', {
    method: 'POST',
    key: workshop.keys.participant,
    body: { name, ...(browserId && { browserId }) },
  })
const facilitator = (path: string, method = 'GET', body?: unknown) =>
  api(path, { method, key: workshop.keys.facilitator, ...(body !== undefined && { body }) })

beforeEach(async () => {
  server = await startTestServer({ MAX_PARTICIPANTS: '4' })
  watched = await watchedDemoWorkshop(server)
  ;({ workshop, control, ids } = watched)
})

afterEach(async () => {
  watched.stop()
  await server.close()
})

describe('the facilitator tidies registrations', () => {
  it('sees one browser registering twice, merges the duplicate (one ballot kept), removes a junk one', async () => {
    const anna = (await register('Anna', 'browser-aaaaaaaa')).body as { id: string; token: string }
    const again = (await register('Anna (again)', 'browser-aaaaaaaa')).body as { id: string; token: string }
    const bruno = (await register('Bruno', 'browser-bbbbbbbb')).body as { id: string; token: string }
    const list = (await facilitator('/participants')).body as {
      participants: { id: string; name: string; sameBrowserAs: string[] }[]
    }
    const row = (id: string) => list.participants.find((p) => p.id === id)!
    expect(row(anna.id).sameBrowserAs).toEqual([again.id])
    expect(row(again.id).sameBrowserAs).toEqual([anna.id])
    expect(row(bruno.id).sameBrowserAs).toEqual([])

    const vote = (
      await facilitator('/votes', 'POST', {
        target: 'interventions',
        votesPerPerson: 1,
        maxPerItem: 1,
        anonymous: false,
      })
    ).body as { id: string }
    const ballot = (token: string, item: string) =>
      api(`/votes/${vote.id}/ballot`, {
        method: 'PUT',
        key: workshop.keys.participant,
        token,
        body: { votes: { [item]: 1 } },
      })
    await ballot(anna.token, ids[0]!)
    await ballot(again.token, ids[1]!)
    await ballot(bruno.token, ids[2]!)
    await expect.poll(() => readVote(control)?.answered).toBe(3)

    expect(
      (await api(`/participants/${again.id}`, { method: 'DELETE', key: workshop.keys.participant })).status,
    ).toBe(403)
    const merged = await facilitator(`/participants/${again.id}/merge`, 'POST', { into: anna.id })
    expect(merged).toEqual({ status: 200, body: { merged: again.id, into: anna.id } })
    await expect.poll(() => readVote(control)?.answered).toBe(2)
    // The duplicate's browser still works, as Anna; her later ballot is the one kept.
    const me = await api('/participants/me', { token: again.token })
    expect(me.body).toMatchObject({ id: anna.id, name: 'Anna' })
    const mine = await api(`/votes/${vote.id}/ballot`, { key: workshop.keys.participant, token: anna.token })
    expect(mine.body).toEqual({ ballot: { votes: { [ids[1]!]: 1 } } })

    expect((await facilitator(`/participants/${bruno.id}`, 'DELETE')).status).toBe(200)
    await expect.poll(() => readVote(control)?.answered).toBe(1)
    expect((await api('/participants/me', { token: bruno.token })).status).toBe(403)
    expect((await ballot(bruno.token, ids[2]!)).status).toBe(403)
    const names = (
      (await facilitator('/participants')).body as { participants: { name: string }[] }
    ).participants.map((p) => p.name)
    expect(names).toEqual(['Anna'])
    expect((await facilitator(`/participants/${bruno.id}`, 'DELETE')).status).toBe(404)
    expect((await facilitator(`/participants/${anna.id}/merge`, 'POST', { into: anna.id })).status).toBe(400)
  })

  it('a workshop takes at most MAX_PARTICIPANTS registrations', async () => {
    for (const name of ['A', 'B', 'C', 'D']) expect((await register(name)).status).toBe(201)
    const refused = await register('E')
    expect(refused.status).toBe(409)
    expect((refused.body as { error: string }).error).toMatch(/4 registrations/)
  })
})
