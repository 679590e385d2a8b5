import fs from 'node:fs'
import path from 'node:path'
import { stepsFor, type WorkshopKind } from '../../shared/steps.ts'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

/**
 * What each step looks like where the method is run, for the README: every step of a filled
 * workshop of each kind on a phone, on a projector and on a projector with large text.
 * `UPDATE_SCREENSHOTS=1 npx playwright test screenshots` writes them to docs/screenshots;
 * without it the test takes them anyway and fails if docs/ lacks one (a new step, a new size).
 */
const SIZES = [
  { name: 'projector', width: 1280, height: 800, largeText: false },
  { name: 'projector-large-text', width: 1280, height: 800, largeText: true },
  { name: 'phone', width: 390, height: 844, largeText: false },
] as const
const DIR = 'docs/screenshots'

for (const kind of ['improvement', 'vision'] as const satisfies readonly WorkshopKind[]) {
  test(`screenshots of every step of a filled ${kind} workshop, at three sizes`, async ({
    tavolo,
    person,
  }) => {
    test.setTimeout(120_000)
    const workshop = kind === 'vision' ? await tavolo.importFullVision() : await tavolo.importFullWorkshop()
    const { page } = await person('en')
    await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    const nav = page.getByRole('navigation', { name: 'Workshop steps' })
    const missing: string[] = []
    for (const size of SIZES) {
      // The switch is in the facilitation bar's wide layout: set it before going to a phone's width.
      const largeText = page.getByRole('button', { name: 'Large text' })
      if ((await largeText.getAttribute('aria-pressed')) !== String(size.largeText)) await largeText.click()
      await page.setViewportSize(size)
      for (const [i, step] of stepsFor(kind).entries()) {
        await nav.getByRole('button').nth(i).click()
        await expect(nav.getByRole('button').nth(i)).toHaveAttribute('aria-current', 'step')
        await expect(page.getByTestId('step-loading')).toHaveCount(0)
        const file = `${kind}-${i + 1}-${step}-${size.name}.jpg`
        const shot = await page.screenshot({ type: 'jpeg', quality: 55 })
        fs.writeFileSync(test.info().outputPath(file), shot)
        if (process.env.UPDATE_SCREENSHOTS) {
          fs.mkdirSync(DIR, { recursive: true })
          fs.writeFileSync(path.join(DIR, file), shot)
        } else if (!fs.existsSync(path.join(DIR, file))) missing.push(file)
      }
    }
    expect(missing, 'run UPDATE_SCREENSHOTS=1 npx playwright test screenshots').toEqual([])
  })
}
