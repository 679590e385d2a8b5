import type { Page } from '@playwright/test'
import { violations } from './a11y.ts'
import { expect, type TavoloProcess, test } from './fixtures.ts'
import { join } from './pages.ts'

type Workshop = Awaited<ReturnType<TavoloProcess['createWorkshop']>>

const stepButton = (page: Page, step: RegExp) =>
  page.getByRole('navigation').getByRole('button', { name: step })
const currentStep = (page: Page) => page.getByRole('navigation').locator('[aria-current="step"]')

test.describe('facilitation toolkit, a facilitator and two participants', () => {
  let workshop: Workshop
  test.beforeEach(async ({ tavolo }) => {
    workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  })

  test('participants follow the facilitator, step away, come back; "bring everyone here"', async ({
    tavolo,
    person,
  }) => {
    const fabio = (await person()).page
    const giulia = (await person()).page
    const marco = (await person()).page
    await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
    await join(marco, tavolo.link(workshop.id, workshop.keys.participant), 'Marco')
    await expect(giulia.getByTestId('following')).toHaveText('● Segui il facilitatore')

    await stepButton(fabio, /Incontro 1/).click()
    for (const page of [giulia, marco]) await expect(currentStep(page)).toContainText('Incontro 1')
    await stepButton(marco, /Incontro 2/).click()
    await expect(marco.getByTestId('follow-again')).toHaveText('Torna a seguire il facilitatore (Incontro 1)')
    await stepButton(fabio, /Sondaggio lampo/).click()
    await expect(currentStep(giulia)).toContainText('Sondaggio lampo')
    await expect(currentStep(marco)).toContainText('Incontro 2')

    await fabio.getByRole('button', { name: 'Porta tutti qui' }).click()
    await expect(currentStep(marco)).toContainText('Sondaggio lampo')
    await expect(marco.getByTestId('following')).toBeVisible()

    await stepButton(giulia, /Incontro 3/).click()
    await giulia.getByTestId('follow-again').click()
    await expect(currentStep(giulia)).toContainText('Sondaggio lampo')
  })

  test('the timer shows the same time on every screen within a second, even on a laptop whose clock is 7 minutes off', async ({
    tavolo,
    person,
  }) => {
    const fabio = (await person()).page
    const skewed = await person()
    await skewed.context.clock.install({ time: Date.now() + 7 * 60_000 })
    const marco = skewed.page
    await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(marco, tavolo.link(workshop.id, workshop.keys.participant), 'Marco')
    // Only the facilitator has controls.
    await expect(marco.getByRole('button', { name: 'Avvia un timer di 5 minuti' })).toHaveCount(0)
    await fabio.getByRole('button', { name: 'Avvia un timer di 5 minuti' }).click()
    await expect(marco.getByTestId('timer-remaining')).toBeVisible()
    const seconds = async (page: Page) => {
      const text = (await page.getByTestId('timer-remaining').textContent()) ?? ''
      const [, m, s] = /(\d+):(\d{2})/.exec(text) ?? []
      return Number(m) * 60 + Number(s)
    }
    for (let i = 0; i < 3; i++) {
      const [a, b] = await Promise.all([seconds(fabio), seconds(marco)])
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1)
      expect(a).toBeGreaterThan(280)
      expect(a).toBeLessThanOrEqual(300)
      await fabio.waitForTimeout(700)
    }
    await fabio.getByRole('button', { name: 'Pausa' }).click()
    await expect(marco.getByTestId('timer-remaining')).toContainText('in pausa')
    await fabio.getByRole('button', { name: '+1 min' }).click()
    await expect.poll(() => seconds(marco)).toBeGreaterThan(340)
    await fabio.getByRole('button', { name: 'Ferma' }).click()
    await expect(marco.getByTestId('timer-remaining')).toHaveCount(0)
  })

  test('dot voting: limits per person and per card, hidden until the reveal, then on the cards and ranked', async ({
    tavolo,
    person,
  }) => {
    const fabio = (await person()).page
    const giulia = (await person()).page
    const marco = (await person()).page
    await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
    await join(marco, tavolo.link(workshop.id, workshop.keys.participant), 'Marco')
    await stepButton(fabio, /Incontro 1/).click()
    await expect(currentStep(giulia)).toContainText('Incontro 1')
    await fabio.getByRole('button', { name: 'Voto a punti' }).click()
    await fabio.getByRole('combobox', { name: 'Vota su' }).selectOption({ label: 'i macro interventi' })
    await fabio.getByRole('button', { name: 'Avvia il voto' }).click()

    const [listino, benvenuto, auto] = [
      'Listino unico per tutti i canali',
      'Percorso di benvenuto nel primo mese',
      'Auto sostitutiva garantita in 24 ore',
    ]
    const add = (page: Page, title: string) =>
      page.getByRole('button', { name: `Un punto in più su ${title}` })
    await add(giulia, auto).click()
    await add(giulia, auto).click()
    await expect(add(giulia, auto)).toBeDisabled()
    await add(giulia, listino).click()
    await expect(giulia.getByTestId('dots-left')).toHaveText('Ti restano 0 punti')
    await expect(add(giulia, benvenuto)).toBeDisabled()
    await giulia.getByRole('button', { name: 'Salva i miei punti' }).click()
    await expect(giulia.getByTestId('vote-saved')).toBeVisible()
    await add(marco, auto).click()
    await add(marco, benvenuto).click()
    await marco.getByRole('button', { name: 'Salva i miei punti' }).click()
    await expect(fabio.getByTestId('vote-status')).toContainText('2 su 2 hanno votato')
    // Before the reveal nobody sees anybody's dots, the facilitator included.
    for (const page of [fabio, giulia, marco]) await expect(page.getByTestId('vote-badge')).toHaveCount(0)
    await expect(marco.getByText('●●')).toHaveCount(0)

    await fabio.getByRole('button', { name: 'Rivela i voti' }).click()
    for (const page of [fabio, giulia, marco]) {
      await expect(page.getByTestId('vote-ranking').getByRole('listitem').first()).toContainText(
        `1.${auto}3 punti`,
      )
      await expect(
        page.locator(`[data-testid="intervention-card"][data-title="${auto}"]`).getByTestId('vote-badge'),
      ).toHaveText('3 punti')
    }
    expect(await violations(giulia)).toEqual([])
  })

  test('a locked step is read-only for participants, the facilitator still edits; readiness shows who has voted', async ({
    tavolo,
    person,
  }) => {
    const fabio = (await person()).page
    const giulia = (await person()).page
    await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
    await stepButton(fabio, /Incontro 1/).click()
    await expect(currentStep(giulia)).toContainText('Incontro 1')
    await expect(giulia.getByRole('textbox', { name: 'Nuovo intervento' })).toBeVisible()

    await fabio.getByRole('checkbox', { name: 'Blocca questa fase per i partecipanti' }).check()
    await expect(giulia.getByTestId('locked')).toHaveText(
      'Il facilitatore ha bloccato questa fase: sola lettura',
    )
    await expect(giulia.getByRole('textbox', { name: 'Nuovo intervento' })).toHaveCount(0)
    await expect(giulia.getByRole('button', { name: /^Sposta l'intervento/ }).first()).toBeDisabled()
    await fabio.getByRole('textbox', { name: 'Nuovo intervento' }).fill('Chat con il centro assistenza')
    await fabio.getByRole('textbox', { name: 'Nuovo intervento' }).press('Enter')
    await expect(
      giulia.locator('[data-testid="intervention-card"][data-title="Chat con il centro assistenza"]'),
    ).toBeVisible()

    await fabio.getByRole('checkbox', { name: 'Blocca questa fase per i partecipanti' }).uncheck()
    await expect(giulia.getByTestId('locked')).toHaveCount(0)
    await expect(giulia.getByRole('textbox', { name: 'Nuovo intervento' })).toBeVisible()

    await fabio.getByRole('button', { name: 'Voto a punti' }).click()
    await fabio.getByRole('button', { name: 'Avvia il voto' }).click()
    await fabio.getByRole('button', { name: 'Preparazione del gruppo' }).click()
    const row = fabio.getByTestId('readiness-row').filter({ hasText: 'Giulia' })
    await expect(row).toContainText('✗ manca')
    await giulia
      .getByRole('button', { name: /^Un punto in più su/ })
      .first()
      .click()
    await giulia.getByRole('button', { name: 'Salva i miei punti' }).click()
    await expect(row.getByRole('cell').nth(3)).toHaveText('✓ fatto')
  })

  test("live cursors: each sees the other's pointer on the journey map, named; the switch turns them off", async ({
    tavolo,
    person,
  }) => {
    const giulia = (await person()).page
    const marco = (await person()).page
    for (const [page, name] of [
      [giulia, 'Giulia'],
      [marco, 'Marco'],
    ] as const) {
      await join(page, tavolo.link(workshop.id, workshop.keys.participant), name)
      await page.setViewportSize({ width: 1400, height: 1000 })
      await stepButton(page, /Incontro 1/).click()
    }
    const map = giulia.getByRole('heading', { name: 'Mappa del customer journey' })
    const box = (await map.boundingBox())!
    await giulia.mouse.move(box.x + 200, box.y + 150)
    await giulia.mouse.move(box.x + 260, box.y + 180)
    await expect(marco.getByTestId('live-cursor')).toHaveText('Giulia')
    await marco.getByRole('checkbox', { name: 'Mostra i cursori degli altri' }).uncheck()
    await expect(marco.getByTestId('live-cursor')).toHaveCount(0)
    await giulia.mouse.move(box.x + 10, box.y - 60)
    await expect(giulia.getByTestId('live-cursor')).toHaveCount(0)
  })
})
