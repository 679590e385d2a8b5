import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeOf, connectProvider, rawSocket, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer
let workshop: CreatedWorkshop

beforeEach(async () => {
  server = await startTestServer()
  workshop = await server.createWorkshop()
})

afterEach(async () => {
  await server.close()
})

const rotate = (key: string, body: unknown) =>
  fetch(`${server.base}/api/workshops/${workshop.id}/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  })

const roleOf = async (key: string) => {
  const answer = await fetch(`${server.base}/api/workshops/${workshop.id}`, {
    headers: { authorization: `Bearer ${key}` },
  })
  return answer.status === 200 ? ((await answer.json()) as { role: string }).role : answer.status
}

describe('the facilitator replaces the participant and viewer keys', () => {
  it('old links stop working at once; people connected with them are asked to open the new one', async () => {
    const join = await fetch(`${server.base}/api/workshops/${workshop.id}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${workshop.keys.participant}` },
      body: JSON.stringify({ name: 'Anna' }),
    })
    const { token } = (await join.json()) as { token: string }
    const participant = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.participant}`)
    const participantClosed = closeOf(participant)
    const viewer = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer)
    const facilitator = connectProvider(server.wsBase, `${workshop.id}/control`, workshop.keys.facilitator)
    await Promise.all([whenSynced(viewer.provider), whenSynced(facilitator.provider)])
    let viewerClosed = false
    viewer.provider.on('connection-close', () => {
      viewerClosed = true
    })

    const answer = await rotate(workshop.keys.facilitator, { rotate: ['participant'] })
    expect(answer.status).toBe(200)
    const { keys } = (await answer.json()) as { keys: CreatedWorkshop['keys'] }
    expect(keys.facilitator).toBe(workshop.keys.facilitator)
    expect(keys.viewer).toBe(workshop.keys.viewer)
    expect(keys.participant).not.toBe(workshop.keys.participant)

    expect(await participantClosed).toEqual({
      code: 4410,
      reason: 'this link has been replaced: open the new one',
    })
    expect(await roleOf(workshop.keys.participant)).toBe(403)
    const stale = await rawSocket(`${server.wsBase}/${workshop.id}?key=${workshop.keys.participant}`)
    expect((await closeOf(stale)).code).toBe(4403)
    expect(await roleOf(keys.participant)).toBe('participant')
    // The facilitator sees the new links from any browser.
    const info = (await (
      await fetch(`${server.base}/api/workshops/${workshop.id}`, {
        headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
      })
    ).json()) as { keys: CreatedWorkshop['keys'] }
    expect(info.keys).toEqual(keys)
    // Anna's personal token is still hers.
    const me = await fetch(`${server.base}/api/workshops/${workshop.id}/participants/me`, {
      headers: { 'x-participant-token': token },
    })
    expect(me.status).toBe(200)
    expect(viewerClosed).toBe(false)
    expect(facilitator.provider.wsconnected).toBe(true)

    const both = await rotate(workshop.keys.facilitator, { rotate: ['viewer', 'participant', 'viewer'] })
    const rotated = ((await both.json()) as { keys: CreatedWorkshop['keys'] }).keys
    expect(rotated.participant).not.toBe(keys.participant)
    expect(rotated.viewer).not.toBe(keys.viewer)
    await expect.poll(() => viewerClosed).toBe(true)
    expect(await roleOf(workshop.keys.viewer)).toBe(403)
    viewer.provider.destroy()
    facilitator.provider.destroy()
  })

  it('only the facilitator, and only those two keys', async () => {
    expect((await rotate(workshop.keys.participant, { rotate: ['viewer'] })).status).toBe(403)
    expect((await rotate(workshop.keys.viewer, { rotate: ['viewer'] })).status).toBe(403)
    expect((await rotate(workshop.keys.facilitator, { rotate: ['facilitator'] })).status).toBe(400)
    expect((await rotate(workshop.keys.facilitator, { rotate: [] })).status).toBe(400)
    expect(await roleOf(workshop.keys.viewer)).toBe('viewer')
  })
})
