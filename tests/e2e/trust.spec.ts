import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

test('keys stay off the projector: out of the address bar, the own link on request, shared links replaceable', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  const giulia = await person('it')
  const viewer = await person('en')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(giulia.page, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia', 'Vendite')
  await join(viewer.page, tavolo.link(workshop.id, workshop.keys.viewer), 'Manager')

  // No key left in the address bar, and a reload still opens the same role.
  for (const { page } of [facilitator, giulia, viewer]) {
    expect(page.url()).toBe(`${tavolo.baseURL}/w/${workshop.id}`)
  }
  await facilitator.page.reload()
  await expect(facilitator.page.getByTestId('my-role')).toHaveText('Facilitatore')
  expect(facilitator.page.url()).not.toContain(workshop.keys.facilitator)

  // The share panel shows the facilitator's own link only when asked.
  await facilitator.page.getByRole('button', { name: 'Condividi' }).click()
  const panel = facilitator.page.locator('#share-panel')
  await expect(panel.getByTestId('share-participant')).toBeVisible()
  await expect(panel.getByTestId('share-facilitator')).toHaveCount(0)
  await expect(panel).not.toContainText(workshop.keys.facilitator)
  expect(
    await panel
      .locator('input')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join(' ')),
  ).not.toContain(workshop.keys.facilitator)
  const reveal = panel.getByRole('button', { name: 'Mostra il mio link di facilitatore' })
  await expect(reveal).toHaveAttribute('aria-expanded', 'false')
  await reveal.click()
  await expect(panel.getByTestId('share-facilitator').getByRole('textbox')).toHaveValue(
    tavolo.link(workshop.id, workshop.keys.facilitator),
  )
  await panel.getByRole('button', { name: 'Nascondi il mio link di facilitatore' }).click()
  await expect(panel.getByTestId('share-facilitator')).toHaveCount(0)

  // Replacing the participant link: Giulia is told, the old link stops working, the new one works.
  const oldParticipantLink = tavolo.link(workshop.id, workshop.keys.participant)
  const participantCard = panel.getByTestId('share-participant')
  await participantCard.getByRole('button', { name: /Sostituisci questo link/ }).click()
  await participantCard.getByRole('button', { name: 'Sostituiscilo ora' }).click()
  await expect(panel.getByRole('status')).toHaveText(
    'Il nuovo link è pronto: quello vecchio non funziona più.',
  )
  const newParticipantLink = await participantCard.getByRole('textbox').inputValue()
  expect(newParticipantLink).not.toBe(oldParticipantLink)
  await expect(panel.getByTestId('share-survey').getByRole('textbox')).toHaveValue(
    `${newParticipantLink}&view=survey`,
  )
  await expect(giulia.page.getByRole('alert')).toHaveText(
    'Il facilitatore ha sostituito questo link. Chiedi quello nuovo per continuare.',
  )
  // The viewer, whose link did not change, is still connected and sees edits.
  await expect(viewer.page.locator('[data-state="connected"]')).toBeVisible()

  const stranger = await person('it')
  await stranger.page.goto(oldParticipantLink)
  await expect(stranger.page.getByRole('alert')).toContainText('La chiave di questo link non vale')
  // Giulia's browser remembers her: the new link goes straight to the board.
  await giulia.page.goto(newParticipantLink)
  await expect(giulia.page.locator('[data-state="connected"]')).toBeVisible()
  await expect(giulia.page.getByTestId('my-role')).toHaveText('Partecipante')
  expect(giulia.page.url()).toBe(`${tavolo.baseURL}/w/${workshop.id}`)
})
