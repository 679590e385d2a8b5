import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

const PROJECTOR = { width: 1280, height: 800 }

async function openStep(page: Page, step: RegExp) {
  await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: step }).click()
}

test('on a 1280x800 projector with five people and a second tab: one entry per person, the title whole, the header on one line', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({
    title: 'Consegna dell’auto nuova ai clienti flotte aziendali',
    organisation: 'AutoLungo Noleggio a lungo termine',
    language: 'en',
  })
  const facilitator = await person('en')
  await facilitator.page.setViewportSize(PROJECTOR)
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  const names = ['Anna', 'Bruno', 'Chiara', 'Dario']
  const others = []
  for (const name of names) {
    const someone = await person('en')
    await join(someone.page, tavolo.link(workshop.id, workshop.keys.participant), name)
    others.push(someone)
  }
  // Anna opens a second tab of the same workshop: still one Anna.
  const secondTab = await others[0]!.context.newPage()
  await secondTab.goto(tavolo.link(workshop.id, workshop.keys.participant))
  await expect(secondTab.locator('[data-state="connected"]')).toBeVisible()

  const page = facilitator.page
  await expect(page.getByTestId('presence-count')).toContainText('5')
  await expect(page.getByTestId('presence')).toHaveCount(5)
  await expect(page.getByTestId('presence').filter({ hasText: 'Anna' })).toHaveCount(1)
  // The names open on focus (and hover, and click), with each person's step.
  await page.getByTestId('presence-toggle').focus()
  await expect(page.getByTestId('presence').filter({ hasText: 'Fabio (you)' })).toBeVisible()

  const title = page.getByTestId('workshop-title')
  await expect(title).toHaveText(workshop.title)
  const fits = await title.evaluate(
    (h) => h.scrollWidth <= h.clientWidth && getComputedStyle(h).textOverflow !== 'ellipsis',
  )
  expect(fits).toBe(true)
  const share = await page.getByRole('button', { name: 'Share' }).boundingBox()
  const language = await page.getByRole('group', { name: 'Language' }).boundingBox()
  const home = await page.getByRole('link', { name: 'Tavolo home page' }).boundingBox()
  // One row: the controls sit at the same height as the home link.
  for (const box of [share, language])
    expect(Math.abs(box!.y + box!.height / 2 - (home!.y + home!.height / 2))).toBeLessThan(12)

  // A viewer's role is not cut.
  const viewer = await person('en')
  await viewer.page.setViewportSize(PROJECTOR)
  await join(viewer.page, tavolo.link(workshop.id, workshop.keys.viewer), 'Manager')
  await expect(viewer.page.getByTestId('my-role')).toHaveText('Viewer (read-only)')
  const role = await viewer.page.getByTestId('my-role').evaluate((e) => {
    const p = e.parentElement!
    return p.scrollWidth <= p.clientWidth
  })
  expect(role).toBe(true)
})

test('the facilitator lands where the room is; debrief and vote panels stay out of the way; KPI fields are labelled; offline shows anywhere', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.importFullWorkshop()
  const facilitator = await person('en')
  const page = facilitator.page
  await page.setViewportSize(PROJECTOR)
  await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await openStep(page, /Meeting 3/)
  // No debrief running: its bar does not stick over the cards.
  await expect(page.getByRole('region', { name: 'Debrief of the action cards' })).toBeVisible()
  expect(
    await page
      .getByRole('region', { name: 'Debrief of the action cards' })
      .evaluate((e) => getComputedStyle(e).position),
  ).toBe('static')
  await page.getByRole('button', { name: 'Start the debrief' }).click()
  expect(
    await page
      .getByRole('region', { name: 'Debrief of the action cards' })
      .evaluate((e) => getComputedStyle(e).position),
  ).toBe('sticky')
  await page.getByRole('button', { name: 'End the debrief' }).click()

  await openStep(page, /Meeting 4/)
  await page.reload()
  await expect(page.locator('[data-state="connected"]')).toBeVisible()
  await expect(
    page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Meeting 4/ }),
  ).toHaveAttribute('aria-current', 'step')

  // KPI fields say what they are once filled.
  await page.getByRole('button', { name: 'Details of Ritardi, al mese' }).click()
  const kpi = page.locator('[data-testid="kpi"][data-kpi="Ritardi, al mese"]')
  await expect(kpi.getByText('Baseline', { exact: true })).toBeVisible()
  await expect(kpi.getByText('Target', { exact: true })).toBeVisible()
  await expect(kpi).toContainText('baseline 4,5 → target 2')

  // A revealed vote can be folded away; starting another one stays folded below it.
  const api = (path: string, body?: object) =>
    page.request.post(`${tavolo.baseURL}/api/workshops/${workshop.id}${path}`, {
      headers: { authorization: `Bearer ${workshop.keys.facilitator}`, 'content-type': 'application/json' },
      data: body ?? {},
    })
  const vote = await (
    await api('/votes', { target: 'goldenRules', votesPerPerson: 2, maxPerItem: 1, anonymous: false })
  ).json()
  expect((await api(`/votes/${vote.id}/reveal`)).status()).toBe(200)
  const panel = page.getByTestId('vote-panel')
  await expect(panel.getByTestId('vote-status')).toHaveText('Votes on the golden rules, revealed')
  await expect(panel.getByRole('button', { name: 'Start the vote' })).toHaveCount(0)
  await expect(panel.getByRole('button', { name: /Start another dot vote/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  )
  await panel.getByRole('button', { name: 'Hide the ranking' }).click()
  await expect(page.getByTestId('vote-panel')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Show the ranking' })).toBeVisible()

  // Offline, scrolled to the bottom of the page: it still says so.
  await facilitator.context.setOffline(true)
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
  await expect(page.getByTestId('offline-banner')).toBeInViewport()
  await facilitator.context.setOffline(false)
  await expect(page.getByTestId('offline-banner')).toHaveCount(0)
})
