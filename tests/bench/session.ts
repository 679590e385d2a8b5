// The client in a real session: the demo workshop (every meeting filled) with six people on
// it, five of them node clients whose cursors move ten times a second over the journey map.
// Measures each step's first render, the input latency while typing in a card, the map on a
// phone profile (390 px, CPU slowed 4x through the DevTools protocol) and the bundle that each
// link loads. Loopback only; bounded in count and time.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium, type Page } from '@playwright/test'
import type { WebsocketProvider } from 'y-websocket'
import { IMPROVEMENT_STEPS } from '../../shared/steps.ts'
import { freePort, spawnServer } from '../support/child-server.ts'
import { chromiumLaunchOptions } from '../support/chromium.ts'
import { connectProvider, whenSynced } from '../support/clients.ts'
import { createWorkshop, tempDataDir } from '../support/server.ts'
import { joinedInItalian } from './board.ts'

const fmt = (n: number) => n.toFixed(1)
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN

/** Clicks the nth step of the navigation and waits until its chunk is in and its page drawn. */
async function openStep(page: Page, index: number): Promise<number> {
  // A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
  return page.evaluate(`(async () => {
    const button = document.querySelectorAll('nav button')[${index}]
    const start = performance.now()
    button.click()
    await new Promise((resolve) => requestAnimationFrame(resolve))
    for (let i = 0; i < 600 && document.querySelector('[data-testid="step-loading"]'); i++)
      await new Promise((resolve) => requestAnimationFrame(resolve))
    await new Promise((resolve) => requestAnimationFrame(resolve))
    return performance.now() - start
  })()`) as Promise<number>
}

export async function benchSession(): Promise<void> {
  const port = await freePort()
  const server = await spawnServer(
    { PORT: String(port), DATA_DIR: tempDataDir(), STATIC_DIR: 'dist/client' },
    'bundle',
  )
  const browser = await chromium.launch(chromiumLaunchOptions)
  const others: WebsocketProvider[] = []
  let cursorTimer: NodeJS.Timeout | undefined
  try {
    const base = `http://127.0.0.1:${port}`
    const workshop = await createWorkshop(base, { demo: true, language: 'it' })
    for (let i = 0; i < 5; i++) {
      const { provider } = connectProvider(
        `ws://127.0.0.1:${port}/ws`,
        workshop.id,
        workshop.keys.participant,
      )
      await whenSynced(provider)
      provider.awareness.setLocalState({
        name: `Persona ${i + 1}`,
        colour: '#0f766e',
        unitId: null,
        role: 'participant',
        step: 'meeting1',
        editing: null,
        cursor: null,
      })
      others.push(provider)
    }
    let tick = 0
    cursorTimer = setInterval(() => {
      tick++
      others.forEach((provider, i) => {
        const angle = (tick + i * 13) / 10
        provider.awareness.setLocalStateField('cursor', {
          target: 'journey',
          x: 0.5 + 0.4 * Math.cos(angle),
          y: 0.5 + 0.4 * Math.sin(angle),
        })
      })
    }, 100)

    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await joinedInItalian(context, workshop.id, 'Bench')
    const page = await context.newPage()
    await page.goto(`${base}/w/${workshop.id}#key=${workshop.keys.participant}`)
    await page.getByRole('heading', { name: 'Dati del workshop' }).waitFor()
    console.log('\nClient, demo workshop (all meetings filled), six people connected, five cursors moving')
    const firstRenders: string[] = []
    for (let i = 1; i < IMPROVEMENT_STEPS.length; i++) {
      firstRenders.push(`${IMPROVEMENT_STEPS[i]} ${Math.round(await openStep(page, i))}`)
    }
    firstRenders.push(`setup ${Math.round(await openStep(page, 0))}`)
    console.log(`  first render of each step, ms  ${firstRenders.join(', ')}`)

    // Typing in a pain card: keydown to the next frame, while the cursors keep moving.
    await openStep(page, 1)
    const card = page.getByRole('textbox', { name: 'Problema', exact: true }).first()
    await card.click()
    await page.keyboard.press('End')
    await page.evaluate(`(() => {
      window.benchKeys = []
      document.addEventListener('keydown', () => {
        const start = performance.now()
        requestAnimationFrame(() => setTimeout(() => window.benchKeys.push(performance.now() - start), 0))
      }, true)
    })()`)
    for (const char of ' e il cliente richiama una seconda volta') {
      await page.keyboard.type(char)
      await page.waitForTimeout(30)
    }
    await page.waitForTimeout(200)
    const keys = ((await page.evaluate('window.benchKeys')) as number[]).sort((a, b) => a - b)
    console.log(
      `  typing in a card               ${keys.length} keys, keydown to next frame p50 ${fmt(percentile(keys, 50))} ms, p95 ${fmt(percentile(keys, 95))} ms, max ${fmt(keys.at(-1) ?? Number.NaN)} ms   (target: under 50 ms, one frame at 60 fps is 16.7)`,
    )
    await context.close()
  } finally {
    clearInterval(cursorTimer)
    // The document's destruction ends its presence timer too (the provider's own does not):
    // without it, this process never exits.
    for (const provider of others) {
      provider.destroy()
      provider.doc.destroy()
    }
    await browser.close()
    server.child.kill('SIGTERM')
  }
  reportBundle()
}

/** What each link downloads, gzip-compressed as the server sends it: the shell, then a step's chunks. */
function reportBundle(): void {
  const dir = path.resolve(import.meta.dirname, '../../dist/client')
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8')
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dir, file))).length / 1024
  const entry = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const shell = entry.reduce((sum, file) => sum + gz(file), 0)
  const assets = fs.readdirSync(path.join(dir, 'assets')).filter((f) => f.endsWith('.js'))
  const all = assets.reduce((sum, file) => sum + gz(`assets/${file}`), 0)
  const chunk = (prefix: string) => {
    const file = assets.find((f) => f.startsWith(prefix))
    return file ? `${fmt(gz(`assets/${file}`))} kB` : 'n/a'
  }
  console.log(
    `  bundle (gzip)                  shell ${fmt(shell)} kB (html's scripts and styles), all ${assets.length} chunks ${fmt(all)} kB; Meeting 1 chunk ${chunk('Meeting1Step')}, phone survey chunk ${chunk('PhoneSurvey')}`,
  )
}
