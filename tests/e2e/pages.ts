import { expect, type Page } from '@playwright/test'

/** Opens a workshop link and answers the "who are you" dialog. */
export async function join(page: Page, link: string, name: string, unit?: string) {
  await page.goto(link)
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('textbox').fill(name)
  if (unit) await dialog.getByRole('combobox').selectOption({ label: unit })
  await dialog.getByRole('button').click()
  await expect(dialog).toBeHidden()
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
