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

test('every step of a filled workshop, for the facilitator and for a participant on a phone, has no serious accessibility problems', async ({
  tavolo,
  person,
}) => {
  // Fourteen full-page axe runs on a filled workshop: more than the default minute on a busy CI machine.
  test.setTimeout(180_000)
  const workshop = await tavolo.importFullWorkshop()
  const facilitator = (await person('it')).page
  const phone = (await person('en')).page
  await phone.setViewportSize({ width: 390, height: 800 })
  await join(facilitator, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(phone, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')
  await facilitator.getByRole('button', { name: 'Testo grande' }).click()
  for (const [page, steps] of [
    [
      facilitator,
      [
        'Preparazione',
        'Incontro 1',
        'Sondaggio lampo',
        'Incontro 2',
        'Incontro 3',
        'Incontro 4',
        'Risultati',
      ],
    ],
    [phone, ['Setup', 'Meeting 1', 'Quick survey', 'Meeting 2', 'Meeting 3', 'Meeting 4', 'Outputs']],
  ] as const) {
    for (const step of steps) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: new RegExp(step) })
        .click()
      await expect(page.getByRole('navigation').locator('[aria-current="step"]')).toContainText(step)
      await expect(page.getByTestId('step-loading')).toHaveCount(0)
      expect(await violations(page), `${step}`).toEqual([])
    }
  }
})

test('every board of a CX vision workshop, with the culture self-assessment open, has no serious accessibility problems', async ({
  tavolo,
  person,
}) => {
  test.setTimeout(120_000)
  const workshop = await tavolo.createWorkshop({ title: 'Visione', language: 'en', kind: 'vision' })
  const facilitator = (await person('en')).page
  await join(facilitator, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  const opened = await facilitator.request.post(`${tavolo.baseURL}/api/workshops/${workshop.id}/ratings`, {
    headers: { authorization: `Bearer ${workshop.keys.facilitator}`, 'content-type': 'application/json' },
    data: { purpose: 'culture' },
  })
  expect(opened.status()).toBe(201)
  for (const step of ['Setup', 'Distinctiveness factors', 'Personas', 'Culture', 'Vision report']) {
    await facilitator
      .getByRole('navigation')
      .getByRole('button', { name: new RegExp(step) })
      .click()
    await expect(facilitator.getByRole('navigation').locator('[aria-current="step"]')).toContainText(step)
    await expect(facilitator.getByTestId('step-loading')).toHaveCount(0)
    expect(await violations(facilitator), step).toEqual([])
  }
})
