import type { ChildProcess } from 'node:child_process'
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exited, freePort, spawnServer } from '../../support/child-server.ts'
import { connectProvider, sleep, whenSynced } from '../../support/clients.ts'
import { type CreatedWorkshop, createWorkshop, tempDataDir } from '../../support/server.ts'

/**
 * The server runs as `npm start` does, in its own process, so a request that kills it shows up
 * as a dead process rather than a failed assertion somewhere else.
 */
let child: ChildProcess
let output: () => string
let port: number
let base: string
let workshop: CreatedWorkshop
let bystander: ReturnType<typeof connectProvider>
let disconnections = 0

beforeAll(async () => {
  port = await freePort()
  ;({ child, output } = await spawnServer({
    PORT: String(port),
    DATA_DIR: tempDataDir(),
    LOG_LEVEL: 'silent',
    CREATE_LIMIT_PER_HOUR: '1000',
  }))
  base = `http://127.0.0.1:${port}`
  workshop = await createWorkshop(base)
  bystander = connectProvider(`ws://127.0.0.1:${port}/ws`, workshop.id, workshop.keys.participant)
  await whenSynced(bystander.provider)
  bystander.provider.on('connection-close', () => disconnections++)
})

afterAll(async () => {
  bystander?.provider.destroy()
  child?.kill('SIGTERM')
  if (child) await exited(child)
})

/** Sends raw bytes as one HTTP request and returns the status line's code (0: closed without one). */
function rawRequest(request: string | Buffer, timeoutMs = 3000): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let answer = ''
    const done = () => {
      socket.destroy()
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)
      resolve(status ? Number(status[1]) : 0)
    }
    const timer = setTimeout(done, timeoutMs)
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1')
      if (answer.includes('\r\n\r\n')) {
        clearTimeout(timer)
        // Let a 101 be followed by its close frame before hanging up.
        setTimeout(done, 20)
      }
    })
    socket.on('error', () => {
      clearTimeout(timer)
      done()
    })
    socket.on('close', () => {
      clearTimeout(timer)
      done()
    })
    socket.write(request)
  })
}

function upgrade(target: string | Buffer, extraHeaders = ''): Buffer {
  const head = Buffer.from('GET ', 'latin1')
  const path = typeof target === 'string' ? Buffer.from(target, 'latin1') : target
  const rest = Buffer.from(
    ` HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extraHeaders}\r\n`,
    'latin1',
  )
  return Buffer.concat([head, path, rest])
}

function httpRequest(method: string, target: string, headers: Record<string, string>, body = ''): string {
  const lines = Object.entries({
    Host: '127.0.0.1',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  return `${method} ${target} HTTP/1.1\r\n${lines}Connection: close\r\n\r\n${body}`
}

/** A small seeded generator, so a failing case can be replayed. */
function prng(seed: number) {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

async function stillServing() {
  expect(child.exitCode, output()).toBeNull()
  const health = await fetch(`${base}/healthz`)
  expect(health.status).toBe(200)
  const value = Math.random()
  const probe = connectProvider(`ws://127.0.0.1:${port}/ws`, workshop.id, workshop.keys.facilitator)
  await whenSynced(probe.provider)
  bystander.doc.getMap('probe').set('alive', value)
  await expect.poll(() => probe.doc.getMap('probe').get('alive')).toBe(value)
  probe.provider.destroy()
  expect(disconnections).toBe(0)
}

describe('hostile requests never stop the server nor touch another room', () => {
  it('websocket upgrades to malformed paths, queries and headers', async () => {
    const id = workshop.id
    const key = workshop.keys.participant
    const targets: (string | Buffer)[] = [
      '/ws/%ff',
      '/ws/%',
      '/ws/%E0%A4%A',
      `/ws/${id}%2fcontrol%ff`,
      `/ws/${id}?key=%ff`,
      `/ws/${id}?key=${key}&key=%`,
      `/ws/${id}?%ff=%ff`,
      '/ws/a%00b',
      `/ws/${id}%00?key=${key}`,
      `/ws/${'a'.repeat(6000)}`,
      `/ws/${id}/${'%ff'.repeat(1000)}`,
      `/ws/${id}?key=${'k'.repeat(8000)}`,
      'http://[::1/ws/x',
      'http://%ff/ws/x',
      '//ws/x',
      '/ws/../../etc/passwd',
      '/ws',
      '/',
      '*',
      Buffer.from([0x2f, 0x77, 0x73, 0x2f, 0x00, 0xff, 0xfe]),
    ]
    const random = prng(14)
    for (let i = 0; i < 150; i++) {
      const length = 1 + Math.floor(random() * 40)
      let path = '/ws/'
      for (let j = 0; j < length; j++) {
        const pick = random()
        path +=
          pick < 0.3
            ? '%'
            : pick < 0.5
              ? '%ff'
              : pick < 0.6
                ? '/'
                : pick < 0.7
                  ? '?'
                  : String.fromCharCode(33 + Math.floor(random() * 90))
      }
      targets.push(path)
    }
    for (const target of targets) {
      const status = await rawRequest(upgrade(target))
      expect([0, 101, 400, 404, 414, 431], String(target)).toContain(status)
    }
    const headers = [
      `Origin: %ff\r\n`,
      `Sec-WebSocket-Protocol: ${'x,'.repeat(500)}\r\n`,
      `Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=%ff\r\n`,
      `Authorization: Bearer %ff\r\n`,
      `X-Forwarded-For: %ff, , ::::\r\n`,
    ]
    for (const header of headers) await rawRequest(upgrade(`/ws/${id}?key=${key}`, header))
    await stillServing()
  })

  it('HTTP routes with bad escapes, wrong methods, bad bodies and wrong content types', async () => {
    const id = workshop.id
    const key = workshop.keys.facilitator
    const json = { 'Content-Type': 'application/json' }
    const auth = { ...json, Authorization: `Bearer ${key}` }
    const cases: [string, string, Record<string, string>, string?][] = [
      ['GET', '/api/workshops/%ff', auth],
      ['GET', '/api/workshops/%', auth],
      ['GET', `/api/workshops/${id}/exports/%ff`, auth],
      ['GET', `/api/workshops/%ff/exports/workshop.json`, auth],
      ['POST', `/api/workshops/%ff/surveys`, auth, '{}'],
      ['POST', `/api/workshops/${id}/surveys/%ff/close`, auth, '{}'],
      ['POST', `/api/workshops/%E0%A4%A/participants`, auth, '{"name":"x"}'],
      ['PUT', `/api/workshops/${id}/votes/%ff/ballot`, auth, '{}'],
      ['POST', `/api/workshops/${id}/timer`, auth, '{"action":'],
      ['POST', `/api/workshops/${id}/timer`, auth, '[]'],
      ['POST', `/api/workshops/${id}/timer`, auth, 'null'],
      ['POST', `/api/workshops/${id}/timer`, auth, '"\u0000"'],
      ['POST', '/api/workshops', json, '{"title":'],
      ['POST', '/api/workshops', json, '{"title":"\u0000\u0000"}'],
      ['POST', '/api/workshops', json, '{"title":{"toString":1}}'],
      ['POST', '/api/workshops', { 'Content-Type': 'text/plain' }, '{"title":"x"}'],
      ['POST', '/api/workshops', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'title=x'],
      ['POST', '/api/workshops', { 'Content-Type': 'multipart/form-data; boundary=x' }, '--x--'],
      ['POST', '/api/workshops', {}, '{"title":"x"}'],
      ['POST', '/api/workshops/import', json, '{"format":"tavolo-workshop","version":999}'],
      ['POST', '/api/workshops/import', json, '{"__proto__":{"polluted":true}}'],
      ['DELETE', '/api/workshops', json],
      ['PATCH', `/api/workshops/${id}`, auth, '{}'],
      ['TRACE', '/healthz', {}],
      ['OPTIONS', '/api/workshops', {}],
      ['GET', `/${'a'.repeat(9000)}`, {}],
      ['GET', `/api/${'%ff'.repeat(2000)}`, {}],
      ['GET', '/api/workshops/x\u0000y', {}],
      ['GET', '/%2e%2e/%2e%2e/etc/passwd', {}],
      ['GET', '/assets/%ff', {}],
      ['GET', '/metrics?%ff', {}],
      ['GET', `/api/workshops/${id}?key=%ff`, {}],
      [
        'POST',
        `/api/workshops/${id}/participants`,
        { ...json, Authorization: `Bearer ${workshop.keys.participant}` },
        '{"name":"'.padEnd(70_000, 'x'),
      ],
    ]
    for (const [method, target, headers, body] of cases) {
      const status = await rawRequest(httpRequest(method, target, headers, body))
      expect(status, `${method} ${target.slice(0, 60)}`).toBeGreaterThanOrEqual(200)
      expect(status, `${method} ${target.slice(0, 60)}`).not.toBe(500)
    }
    await rawRequest(Buffer.from('GET / HTTP/1.1\r\nHost: \u0000\r\n\r\n', 'latin1'))
    await rawRequest(Buffer.from('\u0000\u0001\u0002garbage\r\n\r\n', 'latin1'))
    await rawRequest(
      Buffer.from('POST /api/workshops HTTP/1.1\r\nContent-Length: 10\r\n\r\n{', 'latin1'),
      300,
    )
    await sleep(50)
    await stillServing()
  })
})
