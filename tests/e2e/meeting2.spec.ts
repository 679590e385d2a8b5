import type { Page } from '@playwright/test'
import { violations } from './a11y.ts'
import { expect, type Person, type TavoloProcess, test } from './fixtures.ts'
import { join } from './pages.ts'

const [PRICES, WELCOME, CAR] = [
  'Listino unico per tutti i canali',
  'Percorso di benvenuto nel primo mese',
  'Auto sostitutiva garantita in 24 ore',
]

type Workshop = Awaited<ReturnType<TavoloProcess['createWorkshop']>>

async function openMeeting2(page: Page) {
  await page.setViewportSize({ width: 1500, height: 1100 })
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Incontro 2/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Matrice di materialità' })).toBeVisible()
}

async function onMeeting2(
  tavolo: TavoloProcess,
  person: () => Promise<Person>,
  workshop: Workshop,
  name: string,
  role: 'participant' | 'facilitator' = 'participant',
): Promise<Page> {
  const { page } = await person()
  await join(page, tavolo.link(workshop.id, workshop.keys[role]), name)
  await openMeeting2(page)
  return page
}

const card = (page: Page, title: string) =>
  page
    .getByTestId('matrix-card')
    .filter({ has: page.getByRole('button', { name: new RegExp(`^★?\\d\\. ${title}`) }) })

async function positionOf(page: Page, title: string) {
  const c = card(page, title)
  return { x: Number(await c.getAttribute('data-x')), y: Number(await c.getAttribute('data-y')) }
}

/** Types exact values in the table, as a facilitator preparing the board would. */
async function place(page: Page, title: string, x: number, y: number) {
  for (const [axis, value] of [
    ['Rilevanza per i clienti', x],
    ["Rilevanza per l'organizzazione", y],
  ] as const) {
    const field = page.getByRole('spinbutton', { name: `${axis} di ${title} (0-100)` })
    await field.fill(String(value))
    await field.press('Enter')
  }
}

/** Presses the mouse on a card and moves it by a share of the matrix, without releasing. */
async function grab(page: Page, title: string, dx: number, dy: number) {
  const matrix = await page.getByTestId('materiality-matrix').boundingBox()
  const handle = await card(page, title).getByRole('button').boundingBox()
  if (!matrix || !handle) throw new Error('matrix not visible')
  const from = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  for (let i = 1; i <= 5; i++) {
    await page.mouse.move(from.x + (matrix.width * dx * i) / 500, from.y - (matrix.height * dy * i) / 500)
  }
}

test.describe('meeting 2, live', () => {
  let workshop: Workshop
  test.beforeEach(async ({ tavolo }) => {
    workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  })

  test('two people drag different cards at once and watch each other move; drops land everywhere and survive a reload', async ({
    tavolo,
    person,
  }) => {
    const giulia = await onMeeting2(tavolo, person, workshop, 'Giulia')
    const marco = await onMeeting2(tavolo, person, workshop, 'Marco')
    await place(giulia, PRICES, 20, 20)
    await place(giulia, WELCOME, 80, 20)
    await place(giulia, CAR, 40, 80)
    await expect.poll(() => positionOf(marco, WELCOME)).toEqual({ x: 80, y: 20 })
    await expect(
      marco.getByTestId('position-row').filter({ hasText: CAR }).getByTestId('quadrant'),
    ).toHaveText("Alta solo per l'organizzazione")

    await grab(giulia, PRICES, 30, 0)
    await grab(marco, WELCOME, 0, 50)
    // Both still hold the mouse: each sees the other's card where it is being dragged, named.
    await expect.poll(() => positionOf(marco, PRICES)).toEqual({ x: 50, y: 20 })
    await expect(card(marco, PRICES).getByTestId('moved-by')).toHaveText('Giulia la sta spostando')
    await expect.poll(() => positionOf(giulia, WELCOME)).toEqual({ x: 80, y: 70 })
    await giulia.mouse.up()
    await marco.mouse.up()

    for (const page of [giulia, marco]) {
      await expect.poll(() => positionOf(page, PRICES)).toEqual({ x: 50, y: 20 })
      await expect.poll(() => positionOf(page, WELCOME)).toEqual({ x: 80, y: 70 })
      await expect(page.getByTestId('moved-by')).toHaveCount(0)
    }
    await marco.reload()
    await openMeeting2(marco)
    await expect.poll(() => positionOf(marco, PRICES)).toEqual({ x: 50, y: 20 })
    await expect.poll(() => positionOf(marco, WELCOME)).toEqual({ x: 80, y: 70 })
  })

  test('the same card dragged by both at once ends in one place on both screens', async ({
    tavolo,
    person,
  }) => {
    const giulia = await onMeeting2(tavolo, person, workshop, 'Giulia')
    const marco = await onMeeting2(tavolo, person, workshop, 'Marco')
    await place(giulia, CAR, 50, 50)
    await expect.poll(() => positionOf(marco, CAR)).toEqual({ x: 50, y: 50 })
    await grab(giulia, CAR, 30, 30)
    // Marco sees Giulia holding the card at 80/80, grabs it there and pulls it back.
    await expect(card(marco, CAR).getByTestId('moved-by')).toBeVisible()
    await expect.poll(() => positionOf(marco, CAR)).toEqual({ x: 80, y: 80 })
    await grab(marco, CAR, -30, -20)
    await Promise.all([giulia.mouse.up(), marco.mouse.up()])
    // One of the two drops wins on both screens, whole: never x from one and y from the other.
    await expect
      .poll(async () => JSON.stringify([await positionOf(giulia, CAR), await positionOf(marco, CAR)]))
      .toMatch(/^\[(\{"x":80,"y":80\}),\1\]$|^\[(\{"x":50,"y":60\}),\2\]$/)
  })
})

test.describe('meeting 2, keyboard, priorities and the RACI', () => {
  let workshop: Workshop
  test.beforeEach(async ({ tavolo }) => {
    workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  })

  test('a card moves with the arrow keys alone and the other screen follows', async ({ tavolo, person }) => {
    const giulia = await onMeeting2(tavolo, person, workshop, 'Giulia')
    const marco = await onMeeting2(tavolo, person, workshop, 'Marco')
    await giulia.getByRole('button', { name: /Metti al centro i 3 non posizionati/ }).click()
    // Spread around the centre, not stacked: the welcome card starts at 46/58.
    await expect.poll(() => positionOf(marco, WELCOME)).toEqual({ x: 46, y: 58 })
    const handle = card(giulia, WELCOME).getByRole('button')
    await handle.focus()
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'Shift+ArrowUp', 'ArrowDown']) {
      await giulia.keyboard.press(key)
    }
    await expect(giulia.getByTestId('materiality-announcement')).toHaveText(
      `${WELCOME}: 49 in orizzontale, 67 in verticale, Alta solo per l'organizzazione`,
    )
    await expect(handle).toBeFocused()
    await expect.poll(() => positionOf(marco, WELCOME)).toEqual({ x: 49, y: 67 })
    // The table is the keyboard's other way in: a value out of range is refused, with a reason.
    const field = marco.getByRole('spinbutton', { name: `Rilevanza per i clienti di ${WELCOME} (0-100)` })
    await field.fill('140')
    await field.press('Enter')
    await expect(marco.getByRole('alert')).toHaveText('Inserisci un numero intero da 0 a 100.')
    await expect.poll(() => positionOf(giulia, WELCOME)).toEqual({ x: 49, y: 67 })
  })

  test('confirmed priorities become the RACI rows; two people fill it, the rules are checked live, a reload keeps all', async ({
    tavolo,
    person,
  }) => {
    const fabio = await onMeeting2(tavolo, person, workshop, 'Fabio', 'facilitator')
    const giulia = await onMeeting2(tavolo, person, workshop, 'Giulia')
    await place(fabio, PRICES, 90, 80)
    await place(fabio, WELCOME, 30, 90)
    await place(fabio, CAR, 70, 70)
    await expect(giulia.getByTestId('suggested-priorities').getByRole('listitem')).toHaveText([
      `1 ${PRICES} (punteggio 72)`,
      `3 ${CAR} (punteggio 49)`,
    ])
    await expect(giulia.getByRole('button', { name: 'Conferma il suggerimento' })).toHaveCount(0)
    await fabio.getByRole('button', { name: 'Conferma il suggerimento' }).click()
    await expect(giulia.getByTestId('confirmed-priorities').getByRole('listitem')).toHaveText([
      `★1 ${PRICES}`,
      `★3 ${CAR}`,
    ])
    await expect(giulia.getByTestId('raci-row')).toHaveCount(2)
    await expect(card(giulia, PRICES).getByRole('button')).toHaveText('★1')

    const cell = (page: Page, unit: string, row: string) =>
      page.getByRole('button', { name: new RegExp(`^${unit} per ${row}: `) })
    // Giulia types letters and moves with arrows; Fabio clicks, at the same time, other cells.
    await cell(giulia, 'Vendite', PRICES).focus()
    await giulia.keyboard.press('a')
    await giulia.keyboard.press('ArrowRight')
    await giulia.keyboard.press('r')
    await cell(fabio, 'IT', CAR).click()
    await expect(cell(fabio, 'IT', CAR)).toHaveText('R')
    for (const page of [giulia, fabio]) {
      await expect(cell(page, 'Vendite', PRICES)).toHaveText('A')
      await expect(cell(page, 'Customer care', PRICES)).toHaveText('R')
      await expect(cell(page, 'IT', CAR)).toHaveText('R')
    }
    const check = (page: Page, row: number) => page.getByTestId('raci-row-check').nth(row)
    await expect(check(fabio, 0)).toHaveText('✓ completa')
    await expect(check(fabio, 1)).toHaveText("⚠ Manca la A: un'unità deve risponderne.")

    // A second A on the first row: flagged on both screens, then fixed.
    await cell(fabio, 'Marketing', PRICES).click()
    await fabio.keyboard.press('a')
    for (const page of [giulia, fabio]) {
      await expect(check(page, 0)).toHaveText('⚠ Più di una A (Vendite, Marketing): tienine una sola.')
    }
    await giulia.getByRole('button', { name: /^Marketing per Listino/ }).focus()
    await giulia.keyboard.press('Delete')
    for (const page of [giulia, fabio]) await expect(check(page, 0)).toHaveText('✓ completa')
    await expect(giulia.getByTestId('raci-load').first()).toContainText('R 0 · A 1')

    await giulia
      .getByRole('textbox', { name: `Nuova sotto-azione per ${CAR}` })
      .fill('Accordo con due noleggiatori')
    await giulia.getByRole('textbox', { name: `Nuova sotto-azione per ${CAR}` }).press('Enter')
    await expect(fabio.getByTestId('raci-row')).toHaveCount(3)
    await expect(fabio.getByRole('textbox', { name: 'Sotto-azione', exact: true })).toHaveValue(
      'Accordo con due noleggiatori',
    )

    await giulia.reload()
    await openMeeting2(giulia)
    await expect(cell(giulia, 'Vendite', PRICES)).toHaveText('A')
    await expect(cell(giulia, 'IT', CAR)).toHaveText('R')
    await expect(giulia.getByTestId('raci-row')).toHaveCount(3)
    expect(await violations(giulia)).toEqual([])
  })

  test('the silent scoring round: private scores, the reveal places the cards at the averages with their spread', async ({
    tavolo,
    person,
  }) => {
    const fabio = await onMeeting2(tavolo, person, workshop, 'Fabio', 'facilitator')
    const giulia = await onMeeting2(tavolo, person, workshop, 'Giulia')
    const marco = await onMeeting2(tavolo, person, workshop, 'Marco')
    await fabio.getByRole('button', { name: 'Avvia un giro di voto silenzioso' }).click()
    await expect(fabio.getByTestId('scoring-status')).toHaveText('Voto aperto: 0 su 2 hanno votato')
    await expect(fabio.getByTestId('scoring-pending')).toHaveText('Devono ancora votare: Giulia, Marco')

    const score = async (page: Page, pairs: [number, number][]) => {
      for (const [i, title] of [PRICES, WELCOME, CAR].entries()) {
        const [x, y] = pairs[i]!
        await page
          .getByRole('radio', { name: `${x} su Rilevanza per i clienti per ${title}` })
          .check({ force: true })
        await page
          .getByRole('radio', { name: `${y} su Rilevanza per l'organizzazione per ${title}` })
          .check({ force: true })
      }
      await page.getByRole('button', { name: 'Salva i miei voti' }).click()
      await expect(page.getByTestId('scoring-saved')).toBeVisible()
    }
    await score(giulia, [
      [5, 5],
      [1, 5],
      [3, 3],
    ])
    await expect(fabio.getByTestId('scoring-status')).toHaveText('Voto aperto: 1 su 2 hanno votato')
    await expect(marco.getByTestId('matrix-card')).toHaveCount(0)
    await score(marco, [
      [5, 4],
      [5, 1],
      [3, 3],
    ])
    await expect(fabio.getByTestId('scoring-status')).toHaveText('Voto aperto: 2 su 2 hanno votato')

    await fabio.getByRole('button', { name: 'Rivela le medie' }).click()
    await expect(giulia.getByTestId('scoring-status')).toHaveText('Rivelato: medie di 2 partecipanti')
    await expect.poll(() => positionOf(giulia, PRICES)).toEqual({ x: 100, y: 88 })
    await expect.poll(() => positionOf(marco, WELCOME)).toEqual({ x: 50, y: 50 })
    await expect(giulia.getByTestId('spread-cross')).toHaveCount(3)
    await expect(giulia.getByTestId('scoring-disagreement').getByRole('listitem').first()).toContainText(
      WELCOME,
    )
    await expect(giulia.getByRole('radio')).toHaveCount(0)
  })
})
