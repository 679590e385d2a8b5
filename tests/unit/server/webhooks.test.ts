import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openSqliteStore } from '../../../server/persistence/sqlite-store.ts'
import type { Store } from '../../../server/persistence/store.ts'
import { destinationProblem } from '../../../server/webhooks/destinations.ts'
import { readInterventions } from '../../../shared/schema/interventions.ts'
import { readPipeline, setPipelineField } from '../../../shared/schema/pipeline.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { connectProvider, eventually, whenSynced } from '../../support/clients.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'
import { type Keys, startTestServer, type TestServer, tempDataDir } from '../../support/server.ts'

type Received = { headers: http.IncomingHttpHeaders; body: string }

/** A system that receives webhooks on 127.0.0.1, answering from a script of status codes. */
async function receiver() {
  const received: Received[] = []
  const script: number[] = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(script.shift() ?? 204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return { url, received, script, close: () => new Promise((resolve) => server.close(resolve)) }
}

let server: TestServer
let hooks: Awaited<ReturnType<typeof receiver>>
const providers: WebsocketProvider[] = []
beforeAll(async () => {
  server = await startTestServer({ WEBHOOK_HOSTS: '127.0.0.1', WEBHOOK_RETRY_MS: '50,100' })
  hooks = await receiver()
})
afterAll(async () => {
  for (const provider of providers) provider.destroy()
  await server.close()
  await hooks.close()
})

async function call(workshopId: string, path: string, key: string, method = 'GET', body?: unknown) {
  const response = await fetch(`${server.base}/api/workshops/${workshopId}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

async function importFull(): Promise<{ id: string; keys: Keys; entryId: string }> {
  const { content, control } = fullWorkshop()
  const data = exportWorkshop(content, control)
  const response = await fetch(`${server.base}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  })
  const created = (await response.json()) as { id: string; keys: Keys }
  return { ...created, entryId: readPipeline(content)[0]!.id }
}

const eventsOf = (event: string) => hooks.received.filter((r) => r.headers['x-tavolo-event'] === event)

describe('webhooks', () => {
  it('registers only allowed destinations, for the facilitator; the secret is shown once', async () => {
    const { id, keys } = await importFull()
    expect((await call(id, '/webhooks', keys.participant, 'POST', { url: hooks.url })).status).toBe(403)
    for (const url of [
      'http://example.org/hook',
      'ftp://127.0.0.1/x',
      'not a url',
      'http://user:pw@127.0.0.1/',
    ]) {
      const refused = await call(id, '/webhooks', keys.facilitator, 'POST', { url })
      expect(refused.status, url).toBe(400)
      expect(refused.body.error).toMatch(/^url: /)
    }
    expect(
      (await call(id, '/webhooks', keys.facilitator, 'POST', { url: hooks.url, events: ['nope'] })).status,
    ).toBe(400)
    const created = await call(id, '/webhooks', keys.facilitator, 'POST', { url: hooks.url })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      url: hooks.url,
      events: ['survey.closed', 'round.revealed', 'pipeline.status-changed', 'version.restored'],
    })
    expect(String(created.body.secret)).toMatch(/^[\w-]{32}$/)
    const listed = await call(id, '/webhooks', keys.facilitator)
    expect((listed.body.webhooks as object[])[0]).not.toHaveProperty('secret')
  })

  it('signs each event; a failing receiver gets the same delivery again until it answers 2xx, and the log says so', async () => {
    const { id, keys, entryId } = await importFull()
    const created = await call(id, '/webhooks', keys.facilitator, 'POST', {
      url: hooks.url,
      events: ['survey.closed', 'pipeline.status-changed'],
    })
    const secret = String(created.body.secret)

    // A survey closes: the receiver fails once, then takes it.
    const content = connectProvider(server.wsBase, id, keys.facilitator)
    providers.push(content.provider)
    await whenSynced(content.provider)
    const interventionIds = readInterventions(content.doc).map((i) => i.id)
    const survey = await call(id, '/surveys', keys.facilitator, 'POST', {
      interventionIds,
      question: { kind: 'rating' },
      anonymous: false,
    })
    hooks.script.push(500)
    await call(id, `/surveys/${survey.body.id}/close`, keys.facilitator, 'POST')
    await eventually(() => expect(eventsOf('survey.closed')).toHaveLength(2))
    const [first, second] = eventsOf('survey.closed') as [Received, Received]
    expect(second.headers['x-tavolo-delivery']).toBe(first.headers['x-tavolo-delivery'])
    expect(second.body).toBe(first.body)
    expect(second.headers['x-tavolo-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(second.body).digest('hex')}`,
    )
    expect(JSON.parse(second.body)).toMatchObject({
      event: 'survey.closed',
      workshopId: id,
      data: { surveyId: survey.body.id },
    })
    await eventually(async () => {
      const log = (await call(id, '/webhooks/deliveries', keys.facilitator)).body.deliveries as Record<
        string,
        unknown
      >[]
      expect(log[0]).toMatchObject({
        event: 'survey.closed',
        status: 'delivered',
        attempts: 2,
        responseStatus: 204,
      })
    })

    // A pipeline status set on the board, once stored; a receiver that keeps failing: failed after three attempts.
    hooks.script.push(503, 503, 503)
    setPipelineField(content.doc, entryId, 'status', 'done')
    await eventually(async () => {
      const log = (await call(id, '/webhooks/deliveries', keys.facilitator)).body.deliveries as Record<
        string,
        unknown
      >[]
      expect(log[0]).toMatchObject({
        event: 'pipeline.status-changed',
        status: 'failed',
        attempts: 3,
        error: 'HTTP 503',
      })
    })
    expect(JSON.parse(eventsOf('pipeline.status-changed')[0]!.body).data).toEqual({
      entryId,
      status: 'done',
      source: 'board',
    })
    // Every attempt is counted by outcome: the survey's failure and success, then three failures.
    const metrics = await (await fetch(`${server.base}/metrics`)).text()
    const count = (outcome: string) =>
      Number(
        new RegExp(`tavolo_webhook_attempts_total\\{outcome="${outcome}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0,
      )
    expect(count('failed')).toBeGreaterThanOrEqual(1)
    expect(count('retrying')).toBeGreaterThanOrEqual(3)
    expect(count('delivered')).toBeGreaterThanOrEqual(1)

    // Not subscribed: a restored version sends nothing here. A ping tests the link; a removed webhook gets nothing more.
    const hookId = String(created.body.id)
    expect((await call(id, `/webhooks/${hookId}/test`, keys.facilitator, 'POST')).status).toBe(202)
    await eventually(() => expect(eventsOf('ping')).toHaveLength(1))
    expect((await call(id, `/webhooks/${hookId}`, keys.facilitator, 'DELETE')).status).toBe(200)
    expect((await call(id, '/webhooks/deliveries', keys.facilitator)).body.deliveries).toEqual([])
    expect((await call(id, `/webhooks/${hookId}`, keys.facilitator, 'DELETE')).status).toBe(404)
  })
})

describe('where webhooks may go without an allow-list', () => {
  it('public addresses only: no loopback, private, link-local or unique-local address', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://10.1.2.3/',
      'http://192.168.1.1/',
      'http://169.254.169.254/latest',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://0.0.0.0/',
      'http://localhost/',
    ])
      expect(await destinationProblem(url, []), url).toMatch(/inside a network/)
    expect(await destinationProblem('https://93.184.216.34/hook', [])).toBeNull()
    expect(await destinationProblem('https://93.184.216.34:8443/hook', ['93.184.216.34:8443'])).toBeNull()
    expect(await destinationProblem('https://93.184.216.34/hook', ['93.184.216.34:8443'])).toMatch(
      /WEBHOOK_HOSTS/,
    )
  })
})

describe('a status change from the board, with a store that commits late', () => {
  it('is announced only once it is stored', async () => {
    const inner = openSqliteStore(tempDataDir())
    // Every group commit takes 300 ms to reach the disk.
    const late: Store = {
      ...inner,
      appendUpdates: async (updates) => {
        await new Promise((resolve) => setTimeout(resolve, 300))
        return inner.appendUpdates(updates)
      },
    }
    const slow = await startTestServer({}, tempDataDir(), late)
    const storedWhenAnnounced: (string | null)[] = []
    const listener = http.createServer((req, res) => {
      req.resume()
      req.on('end', async () => {
        const doc = new Y.Doc()
        const { snapshot, updates } = await inner.loadDocument(workshopId)
        if (snapshot) Y.applyUpdate(doc, snapshot)
        for (const update of updates) Y.applyUpdate(doc, update)
        storedWhenAnnounced.push(readPipeline(doc).find((e) => e.id === entryId)?.status ?? null)
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
    let workshopId = ''
    let entryId = ''
    try {
      const { content, control } = fullWorkshop()
      const imported = await fetch(`${slow.base}/api/workshops/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(exportWorkshop(content, control)),
      })
      const created = (await imported.json()) as { id: string; keys: Keys }
      workshopId = created.id
      entryId = readPipeline(content)[0]!.id
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/hook`
      const registered = await fetch(`${slow.base}/api/workshops/${workshopId}/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${created.keys.facilitator}` },
        body: JSON.stringify({ url, events: ['pipeline.status-changed'] }),
      })
      expect(registered.status).toBe(201)
      const board = connectProvider(slow.wsBase, workshopId, created.keys.participant)
      providers.push(board.provider)
      await whenSynced(board.provider)
      setPipelineField(board.doc, entryId, 'status', 'dropped')
      await eventually(() => expect(storedWhenAnnounced).toHaveLength(1))
      expect(storedWhenAnnounced).toEqual(['dropped'])
    } finally {
      await new Promise((resolve) => listener.close(resolve))
      await slow.close()
    }
  })
})
