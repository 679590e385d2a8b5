import type { Page } from '@playwright/test'
import { violations } from './a11y.ts'
import { expect, type Person, type TavoloProcess, test } from './fixtures.ts'
import { join } from './pages.ts'

const [PRICES, , CAR] = [
  'Listino unico per tutti i canali',
  'Percorso di benvenuto nel primo mese',
  'Auto sostitutiva garantita in 24 ore',
]

type Workshop = Awaited<ReturnType<TavoloProcess['createWorkshop']>>

async function openStep(page: Page, step: RegExp, heading: string) {
  await page.setViewportSize({ width: 1500, height: 1100 })
  await page.getByRole('navigation').getByRole('button', { name: step }).click()
  await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible()
}
const openMeeting3 = (page: Page) => openStep(page, /Incontro 3/, 'Schede azione')

async function onMeeting3(
  tavolo: TavoloProcess,
  person: () => Promise<Person>,
  workshop: Workshop,
  name: string,
  role: 'participant' | 'facilitator' = 'participant',
) {
  const { page } = await person()
  await join(page, tavolo.link(workshop.id, workshop.keys[role]), name)
  await openMeeting3(page)
  return page
}

const card = (page: Page, title: string) =>
  page.locator(`[data-testid="action-card"][data-action="${title}"]`)

async function addAction(page: Page, area: string, title: string) {
  const field = page.getByRole('textbox', { name: `Nuova azione per ${area}` })
  await field.fill(title)
  await field.press('Enter')
  await expect(card(page, title)).toBeVisible()
}

async function setScores(
  page: Page,
  title: string,
  scores: Partial<Record<'benefit' | 'cost' | 'complexity' | 'time', number>>,
) {
  for (const [field, value] of Object.entries(scores)) {
    await card(page, title).getByTestId(`score-${field}`).selectOption(String(value))
  }
}

async function openCard(page: Page, title: string) {
  await page.getByRole('button', { name: `Scheda di ${title}` }).click()
}

const NO_AREA = "Non assegnate a un'area prioritaria"

test.describe('meeting 3, live', () => {
  let workshop: Workshop
  test.beforeEach(async ({ tavolo }) => {
    workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  })

  test('scores edited on one screen move the card on the other; a drag rewrites the scores in the other form', async ({
    tavolo,
    person,
  }) => {
    const giulia = await onMeeting3(tavolo, person, workshop, 'Giulia')
    const marco = await onMeeting3(tavolo, person, workshop, 'Marco')
    await addAction(giulia, NO_AREA, 'Consegna serale su appuntamento')
    await openCard(giulia, 'Consegna serale su appuntamento')
    await setScores(giulia, 'Consegna serale su appuntamento', {
      benefit: 5,
      cost: 1,
      complexity: 2,
      time: 1,
    })
    const marcoCard = card(marco, 'Consegna serale su appuntamento')
    await expect(marcoCard.getByTestId('action-quadrant')).toHaveText('Quick win')
    await expect(marco.getByTestId('quadrant-counts').locator('[data-quadrant="quick-win"]')).toHaveText(
      'Quick win: 1',
    )
    await setScores(giulia, 'Consegna serale su appuntamento', { cost: 5, complexity: 5, time: 4 })
    await expect(marcoCard.getByTestId('action-quadrant')).toHaveText('Investimento')
    await expect(giulia.getByTestId('constraint-score')).toHaveText(
      'Punteggio dei vincoli (media di costo, complessità e tempo): 4.7',
    )

    // Marco drags the dot to the bottom-left corner: low benefit, low constraints.
    const matrix = (await marco.getByTestId('benefit-matrix').boundingBox())!
    const dot = (await marco.getByTestId('matrix-card').first().getByRole('button').boundingBox())!
    const from = { x: dot.x + dot.width / 2, y: dot.y + dot.height / 2 }
    await marco.mouse.move(from.x, from.y)
    await marco.mouse.down()
    for (let i = 1; i <= 6; i++)
      await marco.mouse.move(from.x - (matrix.width * i) / 6, from.y + (matrix.height * 0.75 * i) / 6)
    await marco.mouse.up()
    for (const [field, value] of Object.entries({ benefit: '2', cost: '1', complexity: '1', time: '1' })) {
      await expect(card(giulia, 'Consegna serale su appuntamento').getByTestId(`score-${field}`)).toHaveValue(
        value,
      )
    }
    await expect(card(giulia, 'Consegna serale su appuntamento').getByTestId('action-quadrant')).toHaveText(
      'Minore',
    )

    // And the keyboard: one benefit point up, three constraint points right.
    await giulia.getByTestId('matrix-card').first().getByRole('button').focus()
    await giulia.keyboard.press('ArrowUp')
    await giulia.keyboard.press('Shift+ArrowRight')
    await expect(giulia.getByTestId('benefit-announcement')).toHaveText(
      'Consegna serale su appuntamento: beneficio 3, vincoli 2, Quick win',
    )
    await expect(marcoCard.getByTestId('action-summary')).toContainText('Beneficio 3')
    await expect(marcoCard.getByTestId('action-summary')).toContainText('Vincoli 2')
  })

  test('cards per priority area, moved between areas, duplicated and deleted; metrics chosen for the KPI set; a reload keeps all', async ({
    tavolo,
    person,
  }) => {
    const fabio = await onMeeting3(tavolo, person, workshop, 'Fabio', 'facilitator')
    await openStep(fabio, /Incontro 2/, 'Matrice di materialità')
    for (const [title, x, y] of [
      [PRICES, 90, 80],
      [CAR, 70, 70],
    ] as const) {
      for (const [axis, value] of [
        ['Rilevanza per i clienti', x],
        ["Rilevanza per l'organizzazione", y],
      ] as const) {
        const field = fabio.getByRole('spinbutton', { name: `${axis} di ${title} (0-100)` })
        await field.fill(String(value))
        await field.press('Enter')
      }
    }
    await fabio.getByRole('button', { name: 'Conferma il suggerimento' }).click()
    await openMeeting3(fabio)
    const giulia = await onMeeting3(tavolo, person, workshop, 'Giulia')
    await expect(giulia.getByTestId('action-area')).toHaveCount(2)

    await addAction(giulia, PRICES, 'Allineare i prezzi online e in filiale')
    await addAction(fabio, CAR, 'Accordo con due noleggiatori')
    const area = (page: Page, name: string) =>
      page.getByTestId('action-area').filter({ has: page.getByRole('heading', { name: `★ ${name}` }) })
    await expect(area(giulia, CAR).getByTestId('action-card')).toHaveCount(1)

    await openCard(giulia, 'Allineare i prezzi online e in filiale')
    await giulia.getByRole('combobox', { name: 'Area prioritaria' }).selectOption({ label: CAR })
    await expect(area(fabio, CAR).getByTestId('action-card')).toHaveCount(2)
    await expect(area(fabio, PRICES).getByTestId('action-card')).toHaveCount(0)

    const metricField = giulia.getByRole('textbox', {
      name: 'Nuova metrica per Allineare i prezzi online e in filiale',
    })
    await metricField.fill('Differenza di prezzo tra canali')
    await metricField.press('Enter')
    await metricField.fill('Reclami sul prezzo al mese')
    await metricField.press('Enter')
    await fabio.getByRole('checkbox', { name: /Reclami sul prezzo al mese/ }).check()
    await expect(giulia.getByTestId('metrics-chosen')).toHaveText(
      '1 metriche candidate su 2 vanno nel set di KPI.',
    )

    await giulia.getByRole('button', { name: 'Duplica Allineare i prezzi online e in filiale' }).click()
    await expect(card(fabio, 'Allineare i prezzi online e in filiale (copia)')).toBeVisible()
    await expect(fabio.getByTestId('metrics-chosen')).toHaveText(
      '1 metriche candidate su 4 vanno nel set di KPI.',
    )
    await fabio
      .getByRole('button', { name: 'Elimina Allineare i prezzi online e in filiale (copia)' })
      .click()
    await expect(card(giulia, 'Allineare i prezzi online e in filiale (copia)')).toHaveCount(0)
    await expect(giulia.getByTestId('metrics-chosen')).toHaveText(
      '1 metriche candidate su 2 vanno nel set di KPI.',
    )

    await giulia.reload()
    await openMeeting3(giulia)
    await expect(area(giulia, CAR).getByTestId('action-card')).toHaveCount(2)
    await expect(giulia.getByRole('checkbox', { name: /Reclami sul prezzo al mese/ })).toBeChecked()
    expect(await violations(giulia)).toEqual([])
  })

  test('debrief mode lights the same card on every screen; a dependency loop is refused with a message', async ({
    tavolo,
    person,
  }) => {
    const fabio = await onMeeting3(tavolo, person, workshop, 'Fabio', 'facilitator')
    const giulia = await onMeeting3(tavolo, person, workshop, 'Giulia')
    for (const title of ['Prima azione', 'Seconda azione', 'Terza azione'])
      await addAction(fabio, NO_AREA, title)
    await expect(giulia.getByTestId('action-card')).toHaveCount(3)
    await expect(giulia.getByTestId('debrief-status')).toHaveCount(0)

    await fabio.getByRole('button', { name: 'Avvia il debriefing' }).click()
    for (const page of [fabio, giulia]) {
      await expect(page.getByTestId('debrief-status')).toHaveText('Debriefing: scheda 1 di 3, Prima azione')
      await expect(card(page, 'Prima azione')).toHaveAttribute('aria-current', 'true')
    }
    await fabio.getByRole('button', { name: 'Scheda successiva' }).click()
    for (const page of [fabio, giulia]) {
      await expect(card(page, 'Seconda azione')).toHaveAttribute('aria-current', 'true')
      await expect(card(page, 'Prima azione')).not.toHaveAttribute('aria-current', 'true')
      await expect(card(page, 'Seconda azione')).toContainText('In discussione')
    }
    await expect(giulia.getByRole('button', { name: 'Scheda successiva' })).toHaveCount(0)

    // 1 depends on 2, 2 on 3: then 3 on 1 would close the loop.
    await openCard(giulia, 'Prima azione')
    await card(giulia, 'Prima azione').getByRole('checkbox', { name: '2. Seconda azione' }).check()
    await openCard(giulia, 'Seconda azione')
    await card(giulia, 'Seconda azione').getByRole('checkbox', { name: '3. Terza azione' }).check()
    await openCard(fabio, 'Terza azione')
    await card(fabio, 'Terza azione').getByRole('checkbox', { name: '1. Prima azione' }).click()
    await expect(card(fabio, 'Terza azione').getByRole('alert')).toHaveText(
      "Non aggiunta: chiuderebbe un giro (3. Terza azione → 1. Prima azione → 2. Seconda azione → 3. Terza azione). Un'azione non può dipendere da se stessa, nemmeno attraverso altre.",
    )
    await expect(
      card(fabio, 'Terza azione').getByRole('checkbox', { name: '1. Prima azione' }),
    ).not.toBeChecked()
    await giulia.reload()
    await openMeeting3(giulia)
    await openCard(giulia, 'Prima azione')
    await expect(
      card(giulia, 'Prima azione').getByRole('checkbox', { name: '2. Seconda azione' }),
    ).toBeChecked()
    await expect(card(giulia, 'Seconda azione')).toHaveAttribute('aria-current', 'true')
  })
})
