import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

/** Serious and critical WCAG A/AA problems axe finds on the page, as readable lines. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    )
}

test('home, Setup and Meeting 1 have no serious accessibility problems, on a laptop and on a phone', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const { page } = await person('it')
  await page.goto(tavolo.baseURL)
  expect(await violations(page)).toEqual([])

  await join(page, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')
  await page.getByRole('button', { name: 'Condividi' }).click()
  expect(await violations(page)).toEqual([])

  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Incontro 1/ })
    .click()
  await page
    .getByRole('button', { name: /^Dettagli di / })
    .first()
    .click()
  expect(await violations(page)).toEqual([])

  await page.setViewportSize({ width: 375, height: 740 })
  expect(await violations(page)).toEqual([])
  await page
    .getByRole('button', { name: /^Dati del percorso di / })
    .first()
    .click()
  expect(await violations(page)).toEqual([])
})
