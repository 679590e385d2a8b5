import type { ChildProcess } from 'node:child_process'
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test'
import type * as Y from 'yjs'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'
import { exited, freePort, spawnServer } from '../support/child-server.ts'
import { fullVisionWorkshop } from '../support/full-vision.ts'
import { fullWorkshop } from '../support/full-workshop.ts'
import { tempDataDir } from '../support/server.ts'

/** The Tavolo server for one test worker: built client, real SQLite, restartable mid-test. */
export class TavoloProcess {
  private child: ChildProcess | undefined
  constructor(
    readonly port: number,
    readonly dataDir: string,
    /** Settings for this server beyond the test defaults (e.g. the anonymity minimum). */
    readonly env: Record<string, string> = {},
  ) {}

  get baseURL() {
    return `http://127.0.0.1:${this.port}`
  }

  async start() {
    // The browser suite runs what `npm start` runs: the compiled server.
    const { child } = await spawnServer(
      { PORT: String(this.port), DATA_DIR: this.dataDir, STATIC_DIR: 'dist/client', ...this.env },
      'bundle',
    )
    this.child = child
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (!this.child) return
    this.child.kill(signal)
    await exited(this.child)
    this.child = undefined
  }

  async restart() {
    await this.stop()
    await this.start()
  }

  async createWorkshop(body: object = { title: 'Workshop di prova', language: 'it' }) {
    const response = await fetch(`${this.baseURL}/api/workshops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(201)
    return (await response.json()) as {
      id: string
      title: string
      keys: { facilitator: string; participant: string; viewer: string }
    }
  }

  /** The demo workshop carried through all four meetings (tests/support/full-workshop.ts), imported. */
  importFullWorkshop() {
    const { content, control } = fullWorkshop()
    return this.importDocuments(content, control)
  }

  /** A CX vision workshop with every board filled (tests/support/full-vision.ts), imported. */
  importFullVision() {
    const { content, control } = fullVisionWorkshop()
    return this.importDocuments(content, control)
  }

  private async importDocuments(content: Y.Doc, control: Y.Doc) {
    const response = await fetch(`${this.baseURL}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(exportWorkshop(content, control)),
    })
    expect(response.status).toBe(201)
    return (await response.json()) as {
      id: string
      title: string
      keys: { facilitator: string; participant: string; viewer: string }
    }
  }

  link(id: string, key: string) {
    return `${this.baseURL}/w/${id}#key=${key}`
  }
}

/** One person at their own laptop: a separate browser context with its own storage. */
export type Person = { context: BrowserContext; page: Page }

type Fixtures = { tavolo: TavoloProcess; person: (language?: 'it' | 'en') => Promise<Person> }

export const test = base.extend<Fixtures, { tavoloWorker: TavoloProcess }>({
  tavoloWorker: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies as a pattern
    async ({}, use) => {
      const server = new TavoloProcess(await freePort(), tempDataDir())
      await server.start()
      await use(server)
      await server.stop()
    },
    { scope: 'worker' },
  ],
  tavolo: async ({ tavoloWorker }, use) => {
    await use(tavoloWorker)
  },
  person: async ({ browser }, use) => {
    const contexts: BrowserContext[] = []
    const policyViolations: string[] = []
    await use(async (language = 'it') => {
      const context = await newPersonContext(browser, language)
      // The server's Content-Security-Policy must never block anything the client does.
      context.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text())
      })
      contexts.push(context)
      return { context, page: await context.newPage() }
    })
    for (const context of contexts) await context.close()
    expect(policyViolations, 'the client broke its own Content-Security-Policy').toEqual([])
  },
})

async function newPersonContext(browser: Browser, language: 'it' | 'en') {
  const context = await browser.newContext({ locale: language === 'it' ? 'it-IT' : 'en-GB' })
  await context.addInitScript((lang) => {
    if (!localStorage.getItem('tavolo:language')) localStorage.setItem('tavolo:language', lang)
  }, language)
  return context
}

export { expect }
