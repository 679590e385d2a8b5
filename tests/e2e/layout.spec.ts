import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { layoutProblems } from './layout.ts'
import { join } from './pages.ts'
import { pdfText, squeeze } from './pdf.ts'

const SIZES = [
  { name: 'phone', width: 390, height: 844, largeText: false },
  { name: 'projector', width: 1280, height: 800, largeText: false },
  { name: 'projector, large text', width: 1280, height: 800, largeText: true },
] as const

async function everyStep(page: Page, print = false): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: /Workshop steps|Passi del workshop/ })
  await expect(nav.getByRole('button').first()).toBeVisible()
  const steps = await nav.getByRole('button').allTextContents()
  expect(steps.length).toBeGreaterThan(4)
  const found: string[] = []
  for (const [i, step] of steps.entries()) {
    await nav.getByRole('button').nth(i).click()
    await expect(page.locator('#main')).toBeVisible()
    await expect(page.getByTestId('step-loading')).toHaveCount(0)
    if (print) await page.emulateMedia({ media: 'print' })
    for (const problem of await layoutProblems(page)) found.push(`${step}: ${problem}`)
    if (print) await page.emulateMedia({ media: 'screen' })
  }
  return found
}

for (const size of SIZES) {
  test(`every board of a filled CX vision workshop reads without sideways scrolling (${size.name})`, async ({
    tavolo,
    person,
  }) => {
    const workshop = await tavolo.importFullVision()
    const { page } = await person('en')
    await page.setViewportSize(size)
    await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    if (size.largeText) await page.getByRole('button', { name: 'Large text' }).click()
    expect(await everyStep(page)).toEqual([])
  })

  test(`every step of a filled improvement group reads without sideways scrolling (${size.name})`, async ({
    tavolo,
    person,
  }) => {
    const workshop = await tavolo.importFullWorkshop()
    const { page } = await person('en')
    await page.setViewportSize(size)
    await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    if (size.largeText) await page.getByRole('button', { name: 'Large text' }).click()
    expect(await everyStep(page)).toEqual([])
  })
}

test('on A4 paper every step of both kinds of workshop fits the page width', async ({ tavolo, person }) => {
  const { page } = await person('en')
  await page.setViewportSize({ width: 794, height: 1123 })
  for (const workshop of [await tavolo.importFullWorkshop(), await tavolo.importFullVision()]) {
    await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    expect(await everyStep(page, true)).toEqual([])
  }
})

test('the printed vision report and a printed persona carry every label and figure', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.importFullVision()
  const { page } = await person('en')
  await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  const nav = page.getByRole('navigation', { name: 'Workshop steps' })
  await nav.getByRole('button', { name: /Personas/ }).click()
  await page.emulateMedia({ media: 'print' })
  const sheet = page.getByTestId('persona-sheet').first()
  await expect(sheet).toBeVisible()
  for (const label of ['Age', 'Occupation', 'Education', 'Personality type', 'Goals', 'Frustrations'])
    await expect(sheet.getByText(label, { exact: true })).toBeVisible()
  await expect(sheet).toContainText('/ 100')
  await page.emulateMedia({ media: 'screen' })

  await nav.getByRole('button', { name: /Vision report/ }).click()
  await expect(page.getByTestId('vision-report')).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  const text = pdfText(await page.pdf({ format: 'A4' }))
  for (const expected of [
    'AutoLungo',
    'Gap',
    '4 people answered.',
    'Means by area',
    'Statement',
    'Spread',
    'Where we are today',
    'Where we want to be',
    'Measurement',
    'Transformation',
  ])
    expect(text, expected).toContain(squeeze(expected))
  // The radar's legend swatches are drawn, not CSS backgrounds a printer drops.
  await expect(page.getByTestId('vision-report').locator('figcaption svg rect').first()).toBeVisible()
})
