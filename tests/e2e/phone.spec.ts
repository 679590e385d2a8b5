import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

const PHONE = { width: 390, height: 844 }

test('the survey link on a phone shows the survey and little else; a vision workshop’s leads to its open rating', async ({
  tavolo,
  person,
}) => {
  const improvement = await tavolo.createWorkshop({ demo: true, language: 'en' })
  const anna = await person('en')
  await anna.page.setViewportSize(PHONE)
  await join(anna.page, `${tavolo.link(improvement.id, improvement.keys.participant)}&view=survey`, 'Anna')
  const page = anna.page
  await expect(page.getByText('The facilitator has not opened a survey yet.')).toBeVisible()
  await expect(page.getByTestId('presence-toggle')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Undo/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0)
  await expect(page.getByRole('navigation', { name: 'Workshop steps' })).toHaveCount(0)

  const vision = await tavolo.createWorkshop({ title: 'Vision', language: 'en', kind: 'vision' })
  const facilitator = await person('en')
  await join(facilitator.page, tavolo.link(vision.id, vision.keys.facilitator), 'Fabio')
  await page.goto(`${tavolo.link(vision.id, vision.keys.participant)}&view=survey`)
  await page.getByRole('dialog').getByRole('textbox').fill('Anna')
  await page.getByRole('dialog').getByRole('button').click()
  await expect(page.getByText('No scoring is open yet: the facilitator will open it.')).toBeVisible()
  const opened = await page.request.post(`${tavolo.baseURL}/api/workshops/${vision.id}/ratings`, {
    headers: { authorization: `Bearer ${vision.keys.facilitator}`, 'content-type': 'application/json' },
    data: { purpose: 'culture' },
  })
  expect(opened.status()).toBe(201)
  await expect(page.getByRole('heading', { name: /self-assessment/i })).toBeVisible()
  await expect(page.getByTestId('culture-rating-status')).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
})
