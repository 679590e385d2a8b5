import { expect, type Locator, type Page } from '@playwright/test'

/** Opens a workshop link and answers the "who are you" dialog. */
export async function join(page: Page, link: string, name: string, unit?: string) {
  await page.goto(link)
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox').fill(name)
  if (unit) await dialog.getByRole('combobox').selectOption({ label: unit })
  await dialog.getByRole('button').click()
  await expect(dialog).toBeHidden()
  // The keyboard goes on from the step's heading, not from the top of the page.
  await expect(page.locator('#main h2').first()).toBeFocused()
  await expect(page.locator('[data-state="connected"]')).toBeVisible()
}

/** The names of a Setup list, in the order shown. */
type SetupList = 'stages' | 'units' | 'segments' | 'participants'

export function listNames(page: Page, list: SetupList) {
  return page.getByTestId(`${list}-row`).locator('input[type="text"]')
}

export function readNames(page: Page, list: SetupList): Promise<string[]> {
  return listNames(page, list).evaluateAll((inputs) =>
    inputs.map((input) => (input as HTMLInputElement).value),
  )
}

export async function expectNames(page: Page, list: SetupList, names: string[]) {
  await expect.poll(() => readNames(page, list)).toEqual(names)
}

export async function addToList(page: Page, placeholder: string, name: string) {
  await page.getByPlaceholder(placeholder, { exact: true }).fill(name)
  await page.getByPlaceholder(placeholder, { exact: true }).press('Enter')
}

/** Types into a collaborative field at the end of what is there. */
export async function typeAtEnd(page: Page, label: string, text: string) {
  const field = page.getByRole('textbox', { name: label, exact: true })
  await field.click()
  await field.press('End')
  await field.pressSequentially(text, { delay: 15 })
}

/**
 * Drags with the keyboard as a screen-reader user would: Space to pick up, arrows, Space to
 * drop, waiting for each spoken announcement before the next key. dnd-kit starts listening
 * for arrows a moment after the pick-up, so a try that lost a key is cancelled with Escape
 * (the item goes back) and made again.
 */
export async function keyboardDrag(
  page: Page,
  handle: Locator,
  steps: { key: string; announcement: string }[],
  pickedUp: string,
) {
  const announced = (text: string) =>
    expect(page.getByRole('status').filter({ hasText: text })).toBeAttached({ timeout: 2000 })
  await expect(async () => {
    await page.keyboard.press('Escape')
    await handle.focus()
    await page.keyboard.press('Space')
    await announced(pickedUp)
    await page.waitForTimeout(100)
    for (const step of steps) {
      await page.keyboard.press(step.key)
      await announced(step.announcement)
    }
  }).toPass({ timeout: 30_000 })
}
