import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer, tempDataDir } from '../../support/server.ts'

let server: TestServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })

describe('what costs the server disk is limited per client address', () => {
  it('creation and import have their own allowances; past them 429 with Retry-After', async () => {
    server = await startTestServer({ CREATE_LIMIT_PER_HOUR: '3', IMPORT_LIMIT_PER_HOUR: '1' })
    const { base } = server
    for (let i = 0; i < 3; i++)
      expect((await post(`${base}/api/workshops`, { title: `W${i}` })).status).toBe(201)
    const refused = await post(`${base}/api/workshops`, { title: 'one too many' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(((await refused.json()) as { error: string }).error).toMatch(/too many new workshops/)
    // Imports are counted apart (they are the large ones): a bad file still spends the allowance.
    expect((await post(`${base}/api/workshops/import`, { format: 'tavolo-workshop' })).status).toBe(400)
    const importRefused = await post(`${base}/api/workshops/import`, { format: 'tavolo-workshop' })
    expect(importRefused.status).toBe(429)
    expect(((await importRefused.json()) as { error: string }).error).toMatch(/too many imports/)
    const text = await (await fetch(`${base}/metrics`)).text()
    expect(text).toMatch(/tavolo_http_refusals_total\{status="429"\} 2/)
  })

  it('behind a trusted proxy each forwarded address has its own allowance; otherwise the header is ignored', async () => {
    server = await startTestServer({ CREATE_LIMIT_PER_HOUR: '1', TRUST_PROXY: 'true' })
    const asFrom = (address: string) => ({ 'x-forwarded-for': `1.2.3.4, ${address}` })
    expect((await post(`${server.base}/api/workshops`, { title: 'a' }, asFrom('10.0.0.1'))).status).toBe(201)
    expect((await post(`${server.base}/api/workshops`, { title: 'b' }, asFrom('10.0.0.2'))).status).toBe(201)
    expect((await post(`${server.base}/api/workshops`, { title: 'c' }, asFrom('10.0.0.1'))).status).toBe(429)
    await server.close()
    server = await startTestServer({ CREATE_LIMIT_PER_HOUR: '1' })
    expect((await post(`${server.base}/api/workshops`, { title: 'a' }, asFrom('10.0.0.1'))).status).toBe(201)
    expect((await post(`${server.base}/api/workshops`, { title: 'b' }, asFrom('10.0.0.2'))).status).toBe(429)
  })

  it('registration of participants', async () => {
    server = await startTestServer({ JOIN_LIMIT_PER_HOUR: '2' })
    const workshop = await server.createWorkshop()
    const join = (name: string) =>
      post(
        `${server!.base}/api/workshops/${workshop.id}/participants`,
        { name },
        {
          authorization: `Bearer ${workshop.keys.participant}`,
        },
      )
    expect((await join('Anna')).status).toBe(201)
    expect((await join('Bruno')).status).toBe(201)
    const third = await join('Carla')
    expect(third.status).toBe(429)
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})

describe('JSON endpoints take JSON only', () => {
  it('a cross-site form post (text/plain, urlencoded, multipart) or no content type gets 415 and creates nothing', async () => {
    server = await startTestServer()
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const answer = await fetch(`${server.base}/api/workshops`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{"title":"forged"}',
      })
      expect(answer.status, type).toBe(415)
      expect(((await answer.json()) as { error: string }).error).toMatch(/application\/json/)
    }
    const bare = await fetch(`${server.base}/api/workshops`, {
      method: 'POST',
      body: new Uint8Array([123, 125]),
    })
    expect(bare.status).toBe(415)
    expect(
      (
        await post(
          `${server.base}/api/workshops`,
          { title: 'ok' },
          { 'content-type': 'application/json; charset=utf-8' },
        )
      ).status,
    ).toBe(201)
  })
})

describe('security headers', () => {
  it('on pages, assets and API answers; hashed assets cached for good, index.html revalidated', async () => {
    const staticDir = tempDataDir()
    fs.mkdirSync(path.join(staticDir, 'assets'))
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Tavolo</title>')
    fs.writeFileSync(path.join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)')
    server = await startTestServer({ STATIC_DIR: staticDir })
    const page = await fetch(`${server.base}/w/some-workshop`)
    const asset = await fetch(`${server.base}/assets/index-abc123.js`)
    const api = await fetch(`${server.base}/api/workshops/nope`)
    const health = await fetch(`${server.base}/healthz`)
    for (const answer of [page, asset, api, health]) {
      const csp = answer.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).not.toContain('unsafe-eval')
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff')
      expect(answer.headers.get('x-frame-options')).toBe('DENY')
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer')
    }
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(api.headers.get('cache-control')).toBe('no-store')
  })
})
