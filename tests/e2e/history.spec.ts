import { violations } from './a11y.ts'
import { expect, test } from './fixtures.ts'
import { addToList, expectNames, join } from './pages.ts'

test('the facilitator restores a version while three people are connected, one of them offline, and copies one as a new workshop', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ title: 'History', language: 'en' })
  const facilitator = await person('en')
  const anna = await person('en')
  const marco = await person('en')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(anna.page, tavolo.link(workshop.id, workshop.keys.participant), 'Anna')
  await join(marco.page, tavolo.link(workshop.id, workshop.keys.participant), 'Marco')
  const everyone = [facilitator, anna, marco]

  await addToList(anna.page, 'New stage', 'Ordering')
  for (const { page } of everyone) await expectNames(page, 'stages', ['Ordering'])

  await facilitator.page.getByRole('button', { name: 'History' }).click()
  const panel = facilitator.page.locator('#history-panel')
  await panel.getByLabel('Name of the version').fill('before the vote')
  await panel.getByRole('button', { name: 'Save a version' }).click()
  await expect(panel.getByRole('status').first()).toHaveText('Version saved.')
  const saved = panel.getByTestId('version').filter({ hasText: 'before the vote' })
  await expect(saved).toContainText('Saved by hand')
  await expect(saved).toContainText('3 people online: Anna, Fabio, Marco')
  await expect(saved).toContainText('+1 stage')
  expect(await violations(facilitator.page)).toEqual([])

  await addToList(anna.page, 'New stage', 'Delivery')
  for (const { page } of everyone) await expectNames(page, 'stages', ['Ordering', 'Delivery'])
  await marco.context.setOffline(true)
  await expect(marco.page.locator('[data-state="offline"]')).toBeVisible()

  // Opened read-only: the version's board, with nothing to edit, and the live board untouched.
  await saved.getByRole('button', { name: /^Open the version of/ }).click()
  const preview = facilitator.page.getByTestId('version-preview')
  await expect(facilitator.page.getByRole('heading', { name: /Version of .* read-only/ })).toBeVisible()
  await expect(preview.getByTestId('stages-row').locator('input[type="text"]')).toHaveCount(1)
  await expect(preview.getByPlaceholder('New stage', { exact: true })).toHaveCount(0)
  expect(await violations(facilitator.page)).toEqual([])
  await facilitator.page.getByRole('button', { name: 'Back to the live board' }).click()
  await expectNames(facilitator.page, 'stages', ['Ordering', 'Delivery'])

  await saved.getByRole('button', { name: /^Restore the version of/ }).click()
  await saved.getByRole('button', { name: 'Yes, restore' }).click()
  await expect(panel.getByTestId('version-outcome')).toContainText('Restored the version of')
  for (const { page } of [facilitator, anna]) await expectNames(page, 'stages', ['Ordering'])
  // Nobody reloaded: the restore arrived as an edit.
  await expect(anna.page.locator('[data-state="connected"]')).toBeVisible()
  const before = panel.getByTestId('version').filter({ hasText: 'Before a restore' })
  await expect(before).toContainText('+1 stage')

  await expectNames(marco.page, 'stages', ['Ordering', 'Delivery'])
  await marco.context.setOffline(false)
  await expect(marco.page.locator('[data-state="connected"]')).toBeVisible()
  await expectNames(marco.page, 'stages', ['Ordering'])
  // Anna keeps working on the restored board, and everyone sees it.
  await addToList(anna.page, 'New stage', 'Payment')
  for (const { page } of everyone) await expectNames(page, 'stages', ['Ordering', 'Payment'])

  // A copy is a new workshop with its own keys.
  await before.getByRole('button', { name: /^Copy the version of/ }).click()
  await expect(panel.getByTestId('version-outcome')).toContainText('New workshop created')
  await panel.getByRole('link', { name: 'open it' }).click()
  await expect(facilitator.page.getByTestId('workshop-title')).toHaveText('History (copy)')
  await expect(facilitator.page.getByTestId('my-role')).toHaveText('Facilitator')
  const copyId = /\/w\/([^/#]+)/.exec(facilitator.page.url())![1]!
  expect(copyId).not.toBe(workshop.id)
  await expectNames(facilitator.page, 'stages', ['Ordering', 'Delivery'])
  const withOldKey = await facilitator.page.request.get(`${tavolo.baseURL}/api/workshops/${copyId}`, {
    headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
  })
  expect(withOldKey.status()).toBe(403)
  // The original is as the restore left it.
  await expectNames(anna.page, 'stages', ['Ordering', 'Payment'])

  // The copy was only for trying: its facilitator deletes it, with everything kept for it.
  await facilitator.page.getByRole('button', { name: 'Delete the workshop…' }).click()
  await facilitator.page.getByRole('button', { name: 'Yes, delete it' }).click()
  await expect(facilitator.page).toHaveURL(`${tavolo.baseURL}/`)
  const gone = await facilitator.page.request.get(`${tavolo.baseURL}/api/workshops/${copyId}`, {
    headers: { authorization: 'Bearer anything' },
  })
  expect(gone.status()).toBe(404)
  await expect(facilitator.page.getByText('History (copy)')).toHaveCount(0)
})
