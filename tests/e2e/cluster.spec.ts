// `npm run cluster` as a user meets it: PostgreSQL, Redis, three nodes and nginx, started
// for this file on free ports in a temp dir, stopped at the end.
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { exited, freePort } from '../support/child-server.ts'
import { TEST_SETTINGS, tempDataDir } from '../support/server.ts'
import { join } from './pages.ts'

type Cluster = { url: string; nodes: { port: number; pid: number }[]; process: ChildProcess }

async function startCluster(): Promise<Cluster> {
  const port = await freePort()
  const dataDir = tempDataDir()
  const child = spawn(process.execPath, ['scripts/cluster.mjs'], {
    env: {
      ...process.env,
      ...TEST_SETTINGS,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => {
    output += chunk
  })
  child.stderr?.on('data', (chunk) => {
    output += chunk
  })
  await expect
    .poll(() => (child.exitCode === null ? output : `exited: ${output}`), { timeout: 60_000 })
    .toContain('Tavolo is running: open http://127.0.0.1:')
  const layout = JSON.parse(fs.readFileSync(path.join(dataDir, 'cluster.json'), 'utf8')) as Cluster
  return { url: `http://127.0.0.1:${port}`, nodes: layout.nodes, process: child }
}

async function createWorkshop(base: string) {
  const response = await fetch(`${base}/api/workshops`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ demo: true, language: 'it' }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as { id: string; keys: { participant: string } }
}

async function person(browser: Browser, base: string, workshopId: string, key: string, name: string) {
  const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } })
  const page = await context.newPage()
  await join(page, `${base}/w/${workshopId}#key=${key}`, name)
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Incontro 1/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Mappa del customer journey' })).toBeVisible()
  return page
}

async function addPain(page: Page, text: string) {
  const field = page.getByLabel('Nuovo problema in Consegna')
  await field.fill(text)
  await field.press('Enter')
}

const card = (page: Page, text: string) => page.locator(`[data-testid="pain-card"][data-pain="${text}"]`)

test.describe
  .serial('a cluster of three nodes behind nginx', () => {
    let cluster: Cluster

    test.beforeAll(async () => {
      test.setTimeout(90_000)
      cluster = await startCluster()
    })
    test.afterAll(async () => {
      cluster?.process.kill('SIGTERM')
      if (cluster) await exited(cluster.process)
    })

    test('two people on different nodes edit one workshop and see each other live', async ({ browser }) => {
      const [one, two] = cluster.nodes.map((n) => `http://127.0.0.1:${n.port}`)
      const workshop = await createWorkshop(cluster.url)
      const giulia = await person(browser, one!, workshop.id, workshop.keys.participant, 'Giulia')
      const marco = await person(browser, two!, workshop.id, workshop.keys.participant, 'Marco')

      await addPain(giulia, 'Scritto sul primo nodo')
      await expect(card(marco, 'Scritto sul primo nodo')).toBeVisible()
      await addPain(marco, 'Scritto sul secondo nodo')
      await expect(card(giulia, 'Scritto sul secondo nodo')).toBeVisible()
      // Each sees the other online, across nodes.
      await expect(giulia.getByRole('region', { name: 'In linea ora: 2' })).toContainText('Marco')
      await expect(marco.getByRole('region', { name: 'In linea ora: 2' })).toContainText('Giulia')
      await giulia.context().close()
      await marco.context().close()
    })

    test('the node serving a workshop is killed mid-edit: its people reconnect through nginx to another, nothing is lost', async ({
      browser,
    }) => {
      const workshop = await createWorkshop(cluster.url)
      const giulia = await person(browser, cluster.url, workshop.id, workshop.keys.participant, 'Giulia')
      const marco = await person(browser, cluster.url, workshop.id, workshop.keys.participant, 'Marco')
      for (let i = 1; i <= 3; i++) await addPain(giulia, `Prima ${i}`)
      await expect(card(marco, 'Prima 3')).toBeVisible()

      // nginx sends a workshop to one node: that one is killed (and another, if both people are
      // there), so everyone must move.
      const connections = async (port: number) =>
        Number(
          (await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()).match(
            /^tavolo_connections (\d+)/m,
          )?.[1],
        )
      const serving = []
      for (const node of cluster.nodes) if ((await connections(node.port)) > 0) serving.push(node)
      expect(serving.length).toBeGreaterThan(0)
      expect(serving.length).toBeLessThan(cluster.nodes.length)
      for (const node of serving) process.kill(node.pid, 'SIGKILL')
      await addPain(giulia, 'Durante la caduta')
      await addPain(marco, 'Da Marco dopo la caduta')
      for (const page of [giulia, marco]) {
        await expect(page.locator('[data-state="connected"]')).toBeVisible({ timeout: 20_000 })
        for (const text of ['Prima 1', 'Prima 2', 'Prima 3', 'Durante la caduta', 'Da Marco dopo la caduta'])
          await expect(card(page, text)).toBeVisible({ timeout: 20_000 })
      }

      // What everyone saw is stored: a fresh browser through nginx gets all of it.
      const later = await person(browser, cluster.url, workshop.id, workshop.keys.participant, 'Anna')
      for (const text of ['Prima 1', 'Prima 2', 'Prima 3', 'Durante la caduta', 'Da Marco dopo la caduta'])
        await expect(card(later, text)).toBeVisible()
      for (const page of [giulia, marco, later]) await page.context().close()
    })
  })
