import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../support/server.ts'

let server: TestServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (base: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('POST /api/workshops', () => {
  it('creates a workshop and returns its id and three distinct keys', async () => {
    server = await startTestServer()
    const response = await post(server.base, { title: 'Consegna', organisation: 'ACME', language: 'en' })
    expect(response.status).toBe(201)
    const body = await response.json()
    expect(body.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(new Set(Object.values(body.keys)).size).toBe(3)
    const info = await fetch(`${server.base}/api/workshops/${body.id}?key=${body.keys.viewer}`)
    expect(await info.json()).toMatchObject({
      id: body.id,
      title: 'Consegna',
      language: 'en',
      role: 'viewer',
    })
  })

  it('refuses bad bodies with a JSON error saying why', async () => {
    server = await startTestServer()
    const noTitle = await post(server.base, { organisation: 'ACME' })
    expect(noTitle.status).toBe(400)
    expect((await noTitle.json()).error).toMatch(/title/)
    const badLanguage = await post(server.base, { title: 'x', language: 'fr' })
    expect(badLanguage.status).toBe(400)
    expect((await badLanguage.json()).error).toMatch(/language/)
    const notJson = await post(server.base, '{title:')
    expect(notJson.status).toBe(400)
    expect((await notJson.json()).error).toBe('request body is not valid JSON')
    const huge = await post(server.base, { title: 'x'.repeat(70_000) })
    expect(huge.status).toBe(413)
  })

  it('creates a demo workshop without a title', async () => {
    server = await startTestServer()
    const response = await post(server.base, { demo: true, language: 'it' })
    expect(response.status).toBe(201)
    expect((await response.json()).title).toMatch(/consegna/i)
  })

  it('needs CREATE_TOKEN when the server sets one', async () => {
    server = await startTestServer({ CREATE_TOKEN: 'secret-token' })
    const missing = await post(server.base, { title: 'x' })
    expect(missing.status).toBe(401)
    expect((await missing.json()).error).toMatch(/token/)
    expect((await post(server.base, { title: 'x' }, { authorization: 'Bearer wrong' })).status).toBe(403)
    expect((await post(server.base, { title: 'x' }, { authorization: 'Bearer secret-token' })).status).toBe(
      201,
    )
  })
})

describe('GET /api/workshops/:id', () => {
  it('maps each key to its role and refuses missing, wrong and other-workshop keys', async () => {
    server = await startTestServer()
    const a = await server.createWorkshop()
    const b = await server.createWorkshop()
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      const response = await fetch(`${server.base}/api/workshops/${a.id}`, {
        headers: { authorization: `Bearer ${a.keys[role]}` },
      })
      expect((await response.json()).role).toBe(role)
    }
    const missing = await fetch(`${server.base}/api/workshops/${a.id}`)
    expect(missing.status).toBe(401)
    expect(await missing.json()).toEqual({ error: 'missing key' })
    expect((await fetch(`${server.base}/api/workshops/${a.id}?key=nope`)).status).toBe(403)
    expect((await fetch(`${server.base}/api/workshops/${a.id}?key=${b.keys.facilitator}`)).status).toBe(403)
    expect((await fetch(`${server.base}/api/workshops/unknown1?key=${a.keys.facilitator}`)).status).toBe(404)
  })
})

describe('health and metrics', () => {
  it('answers /healthz and exposes Prometheus metrics', async () => {
    server = await startTestServer()
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200)
    const metrics = await (await fetch(`${server.base}/metrics`)).text()
    for (const name of [
      'tavolo_connections',
      'tavolo_rooms_in_memory',
      'tavolo_updates_received_total',
      'tavolo_updates_persisted_total',
      'tavolo_persist_latency_seconds_bucket',
      'tavolo_dropped_messages_total',
      'tavolo_rejected_connections_total',
    ]) {
      expect(metrics).toContain(name)
    }
  })
})

describe('participants', () => {
  const register = (base: string, id: string, key: string, body: unknown) =>
    fetch(`${base}/api/workshops/${id}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    })

  it('register with the participant key and get a personal token the server recognises', async () => {
    server = await startTestServer()
    const w = await server.createWorkshop()
    const response = await register(server.base, w.id, w.keys.participant, { name: 'Giulia', unitId: 'u1' })
    expect(response.status).toBe(201)
    const { id, token } = await response.json()
    const me = await fetch(`${server.base}/api/workshops/${w.id}/participants/me`, {
      headers: { 'x-participant-token': token },
    })
    expect(await me.json()).toEqual({ id, name: 'Giulia', unitId: 'u1' })
    const list = await fetch(`${server.base}/api/workshops/${w.id}/participants?key=${w.keys.facilitator}`)
    expect((await list.json()).participants).toMatchObject([{ id, name: 'Giulia', unitId: 'u1' }])
  })

  it('refuse registration by viewers and facilitators, bad bodies, and unknown or missing tokens', async () => {
    server = await startTestServer()
    const w = await server.createWorkshop()
    const other = await server.createWorkshop()
    expect((await register(server.base, w.id, w.keys.viewer, { name: 'V' })).status).toBe(403)
    expect((await register(server.base, w.id, w.keys.facilitator, { name: 'F' })).status).toBe(403)
    expect((await register(server.base, w.id, other.keys.participant, { name: 'X' })).status).toBe(403)
    const noName = await register(server.base, w.id, w.keys.participant, { name: '  ' })
    expect(noName.status).toBe(400)
    expect((await noName.json()).error).toMatch(/name/)
    const { token } = await (
      await register(server.base, other.id, other.keys.participant, { name: 'O' })
    ).json()
    const me = (headers: Record<string, string>) =>
      fetch(`${server!.base}/api/workshops/${w.id}/participants/me`, { headers })
    expect((await me({})).status).toBe(401)
    expect((await me({ 'x-participant-token': token })).status).toBe(403)
    const list = await fetch(`${server.base}/api/workshops/${w.id}/participants?key=${w.keys.participant}`)
    expect(list.status).toBe(403)
  })
})
