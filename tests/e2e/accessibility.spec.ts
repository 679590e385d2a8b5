import { violations } from './a11y.ts'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

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
