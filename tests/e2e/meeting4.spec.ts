import type { Page } from '@playwright/test'
import { violations } from './a11y.ts'
import { expect, type TavoloProcess, test } from './fixtures.ts'
import { join, keyboardDrag } from './pages.ts'

type Workshop = Awaited<ReturnType<TavoloProcess['createWorkshop']>>

async function openStep(page: Page, step: RegExp, heading: string) {
  await page.setViewportSize({ width: 1500, height: 1100 })
  await page.getByRole('navigation').getByRole('button', { name: step }).click()
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
}
const NO_AREA = "Non assegnate a un'area prioritaria"

/** Writes action cards in meeting 3 as the group would: title, scores, maybe a chosen metric. */
async function writeActions(page: Page, cards: { title: string; scores: number[]; metric?: string }[]) {
  await openStep(page, /Incontro 3/, 'Schede azione')
  for (const { title, scores, metric } of cards) {
    const field = page.getByRole('textbox', { name: `Nuova azione per ${NO_AREA}` })
    await field.fill(title)
    await field.press('Enter')
    await page.getByRole('button', { name: `Scheda di ${title}` }).click()
    const card = page.locator(`[data-testid="action-card"][data-action="${title}"]`)
    for (const [i, key] of ['benefit', 'cost', 'complexity', 'time'].entries()) {
      await card.getByTestId(`score-${key}`).selectOption(String(scores[i]))
    }
    if (metric) {
      await page.getByRole('textbox', { name: `Nuova metrica per ${title}` }).fill(metric)
      await page.getByRole('textbox', { name: `Nuova metrica per ${title}` }).press('Enter')
      await page.getByRole('checkbox', { name: new RegExp(metric) }).check()
    }
  }
}

const wave = (page: Page, name: string) => page.locator(`[data-testid="wave"][data-wave="${name}"]`)
const waveTitles = (page: Page, name: string) =>
  wave(page, name)
    .getByTestId('pipeline-entry')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))

test('meeting 4: two people build the pipeline, the KPI set and the golden rules together', async ({
  tavolo,
  person,
}) => {
  const workshop: Workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const fabio = (await person()).page
  const giulia = (await person()).page
  await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
  await writeActions(giulia, [
    { title: 'Consegna serale', scores: [5, 1, 1, 1], metric: 'Consegne in ritardo al mese' },
    { title: 'Nuovo portale', scores: [5, 5, 5, 5] },
    { title: 'Email più chiara', scores: [2, 1, 1, 1] },
  ])
  for (const page of [fabio, giulia]) await openStep(page, /Incontro 4/, 'Pipeline delle azioni')

  await giulia.getByRole('button', { name: "Aggiungi alla pipeline le azioni dell'Incontro 3 (3)" }).click()
  await expect.poll(() => waveTitles(fabio, 'Subito')).toEqual(['Consegna serale'])
  await expect.poll(() => waveTitles(fabio, 'Prossima ondata')).toEqual(['Nuovo portale'])
  await expect.poll(() => waveTitles(fabio, 'Più avanti')).toEqual(['Email più chiara'])

  // Fabio moves one by keyboard drag, Giulia another by picking the wave: both screens agree.
  await keyboardDrag(
    fabio,
    fabio.getByRole('button', { name: 'Sposta Email più chiara nella pipeline' }),
    [
      { key: 'ArrowUp', announcement: "Email più chiara sopra l'ondata Prossima ondata" },
      { key: 'Space', announcement: "Email più chiara lasciato nell'ondata Prossima ondata" },
    ],
    "Email più chiara sopra l'ondata Più avanti.",
  )
  await giulia
    .locator('[data-testid="pipeline-entry"][data-action="Nuovo portale"]')
    .getByRole('combobox', { name: 'Ondata' })
    .selectOption({ label: 'Più avanti' })
  for (const page of [fabio, giulia]) {
    await expect.poll(() => waveTitles(page, 'Più avanti')).toEqual(['Nuovo portale'])
    await expect.poll(() => waveTitles(page, 'Prossima ondata')).toEqual(['Email più chiara'])
  }

  // Dates are checked on both screens.
  const row = (page: Page) => page.locator('[data-testid="pipeline-entry"][data-action="Consegna serale"]')
  await row(giulia).getByLabel('Inizio').fill('2027-03-10')
  await row(giulia).getByLabel('Scadenza').fill('2027-03-01')
  await expect(row(fabio).getByRole('alert')).toHaveText(
    "La scadenza viene prima dell'inizio: sposta una delle due.",
  )
  await row(giulia).getByLabel('Scadenza').fill('2027-03-24')
  await expect(row(fabio).getByRole('alert')).toHaveCount(0)
  await fabio.getByRole('button', { name: 'Cronoprogramma' }).click()
  await expect(fabio.getByTestId('timeline-bar')).toHaveAttribute('data-weeks', '3')

  // The KPI set from the metric chosen in meeting 3, checked as it is written.
  await expect(giulia.getByTestId('unmeasured-quick-wins')).toContainText('Consegna serale')
  await fabio.getByRole('button', { name: "Crea i KPI dalle metriche scelte nell'Incontro 3 (1)" }).click()
  const kpi = giulia.locator('[data-testid="kpi"][data-kpi="Consegne in ritardo al mese"]')
  await expect(kpi).toBeVisible()
  await expect(giulia.getByTestId('unmeasured-quick-wins')).toHaveCount(0)
  await giulia.getByRole('button', { name: 'Dettagli di Consegne in ritardo al mese' }).click()
  await kpi.getByRole('combobox', { name: 'Meglio se' }).selectOption({ label: 'più basso' })
  await kpi.getByRole('textbox', { name: 'Valore di partenza di Consegne in ritardo al mese' }).fill('4,5')
  await kpi.getByRole('textbox', { name: 'Obiettivo di Consegne in ritardo al mese' }).fill('6')
  await expect(fabio.locator('[data-testid="kpi"]').getByTestId('kpi-problems')).toHaveText(
    "⚠ L'obiettivo non migliora il valore di partenza (meglio se più basso).",
  )
  await kpi.getByRole('textbox', { name: 'Obiettivo di Consegne in ritardo al mese' }).fill('2')
  await expect(fabio.locator('[data-testid="kpi"]').getByTestId('kpi-problems')).toHaveCount(0)
  await expect(row(giulia)).toContainText('KPI: Consegne in ritardo al mese')

  // A golden rule written by one, approved by the other.
  await giulia
    .getByRole('textbox', { name: "Nuova regola d'oro" })
    .fill('Ogni cliente sa sempre quando arriva la sua auto')
  await giulia.getByRole('textbox', { name: "Nuova regola d'oro" }).press('Enter')
  await fabio.getByRole('checkbox', { name: 'Approva' }).check()
  await expect(giulia.getByTestId('rules-approved')).toHaveText('1 su 1 approvate dal gruppo.')

  await giulia.reload()
  await openStep(giulia, /Incontro 4/, 'Pipeline delle azioni')
  await expect.poll(() => waveTitles(giulia, 'Più avanti')).toEqual(['Nuovo portale'])
  await expect(row(giulia).getByLabel('Scadenza')).toHaveValue('2027-03-24')
  await expect(giulia.getByTestId('rules-approved')).toHaveText('1 su 1 approvate dal gruppo.')
  expect(await violations(giulia)).toEqual([])
})
