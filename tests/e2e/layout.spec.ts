import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { layoutProblems } from './layout.ts'
import { join } from './pages.ts'

const SIZES = [
  { name: 'phone', width: 390, height: 844, largeText: false },
  { name: 'projector', width: 1280, height: 800, largeText: false },
  { name: 'projector, large text', width: 1280, height: 800, largeText: true },
] as const

async function everyStep(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: /Workshop steps|Passi del workshop/ })
  const steps = await nav.getByRole('button').allTextContents()
  const found: string[] = []
  for (const [i, step] of steps.entries()) {
    await nav.getByRole('button').nth(i).click()
    await expect(page.locator('#main')).toBeVisible()
    for (const problem of await layoutProblems(page)) found.push(`${step}: ${problem}`)
  }
  return found
}

for (const size of SIZES) {
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
