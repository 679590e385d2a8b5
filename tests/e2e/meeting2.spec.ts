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
    .filter({ has: page.getByRole('button', { name: new RegExp(`^\\d\\. ${title}`) }) })

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
    await grab(marco, CAR, -30, -20)
    await Promise.all([giulia.mouse.up(), marco.mouse.up()])
    await expect
      .poll(async () => JSON.stringify([await positionOf(giulia, CAR), await positionOf(marco, CAR)]))
      .toMatch(/^\[(\{"x":80,"y":80\}),\1\]$|^\[(\{"x":20,"y":30\}),\2\]$/)
  })
})
