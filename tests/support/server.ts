import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { startServer, type TavoloServer } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import type { Store } from '../../server/persistence/store.ts'
import { storeEnv } from './test-database.ts'

export type Keys = { facilitator: string; participant: string; viewer: string }
export type CreatedWorkshop = { id: string; keys: Keys }

/**
 * Test suites create many workshops from 127.0.0.1, and most rounds have one or two voters:
 * the per-address limits and the anonymity minimum are tested on their own, at their defaults.
 */
export const TEST_SETTINGS = {
  CREATE_LIMIT_PER_HOUR: '100000',
  IMPORT_LIMIT_PER_HOUR: '100000',
  JOIN_LIMIT_PER_HOUR: '100000',
  MIN_ANONYMOUS_ANSWERS: '1',
  // Webhooks in tests go to receivers on this machine, retried quickly.
  WEBHOOK_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_MS: '200,500',
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-test-'))
}

/** A real Tavolo server on 127.0.0.1 at a random free port, with a real SQLite file (or `store`). */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = tempDataDir(),
  store?: Store,
) {
  const config = loadConfig({
    ...TEST_SETTINGS,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ROOM_IDLE_MS: '0',
    ...(store ? {} : await storeEnv(dataDir)),
    ...env,
  })
  const server: TavoloServer = await startServer(config, pino({ level: 'silent' }), store)
  const base = `http://127.0.0.1:${server.port}`
  return {
    server,
    dataDir,
    base,
    wsBase: `ws://127.0.0.1:${server.port}/ws`,
    createWorkshop: (body: object = { title: 'Test workshop' }) => createWorkshop(base, body),
    close: () => server.close(),
  }
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>

/**
 * `store` answering each call after a random pause of up to `maxMs`, as a store across a
 * network does: what the server does between two calls of one request is then seen by others.
 */
export function slowStore(store: Store, maxMs: number): Store {
  const slow = {} as Record<string, unknown>
  for (const [name, call] of Object.entries(store) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    slow[name] =
      name === 'exclusive' || name === 'close'
        ? call
        : async (...args: unknown[]) => {
            await new Promise((resolve) => setTimeout(resolve, Math.random() * maxMs))
            return call(...args)
          }
  }
  return slow as unknown as Store
}

export async function createWorkshop(base: string, body: object = { title: 'Test workshop' }) {
  const response = await fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`)
  return (await response.json()) as CreatedWorkshop
}

export type ApiCall = { method?: string; key?: string; token?: string; body?: unknown }

/** JSON calls on one workshop's API, and joining it as a named participant. */
export function workshopApi(base: () => string, workshopId: () => string, participantKey: () => string) {
  async function api(path: string, init: ApiCall = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (init.key) headers.authorization = `Bearer ${init.key}`
    if (init.token) headers['x-participant-token'] = init.token
    const response = await fetch(`${base()}/api/workshops/${workshopId()}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
    })
    return { status: response.status, body: await response.json() }
  }
  async function join(name: string) {
    const { body } = await api('/participants', { method: 'POST', key: participantKey(), body: { name } })
    return body as { id: string; token: string }
  }
  return { api, join }
}

/**
 * A demo workshop on a test server, watched as a manager would: its control document (where
 * rounds publish) and its macro interventions' ids. `stop` closes the watchers.
 */
export async function watchedDemoWorkshop(server: TestServer) {
  const { connectProvider, whenSynced } = await import('./clients.ts')
  const { readInterventions } = await import('../../shared/schema/interventions.ts')
  const workshop = await server.createWorkshop({ demo: true, language: 'en' })
  const content = connectProvider(server.wsBase, workshop.id, workshop.keys.viewer)
  const control = connectProvider(server.wsBase, `${workshop.id}/control`, workshop.keys.viewer)
  await Promise.all([whenSynced(content.provider), whenSynced(control.provider)])
  return {
    workshop,
    control: control.doc,
    ids: readInterventions(content.doc).map((i) => i.id),
    stop() {
      content.provider.destroy()
      control.provider.destroy()
    },
  }
}
