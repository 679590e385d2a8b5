import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

// Keeps the README's picture of the shell true: the demo's Setup step with two people online.
test('the README screenshot shows the demo Setup step with the share panel', async ({ tavolo, person }) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  const participant = await person('it')
  await facilitator.page.setViewportSize({ width: 1280, height: 900 })
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Chiara')
  await join(participant.page, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia Ferri', 'Vendite')
  await facilitator.page.getByRole('button', { name: 'Condividi' }).click()
  await expect(facilitator.page.getByTestId('presence')).toHaveCount(2)
  await facilitator.page.screenshot({ path: test.info().outputPath('setup.png') })
  if (process.env.UPDATE_README_SCREENSHOT) {
    await facilitator.page.screenshot({ path: 'docs/screenshot-setup.png' })
  }
})
