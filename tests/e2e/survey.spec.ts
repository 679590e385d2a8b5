import type { Page } from '@playwright/test'
import { violations } from './a11y.ts'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

const INTERVENTIONS = [
  'Listino unico per tutti i canali',
  'Percorso di benvenuto nel primo mese',
  'Auto sostitutiva garantita in 24 ore',
]

async function rate(page: Page, scores: number[]) {
  for (const [i, title] of INTERVENTIONS.entries()) {
    await page.getByRole('radio', { name: `${scores[i]} per ${title}` }).check({ force: true })
  }
}

test('the quick survey: open, answer from phones, change an answer, close, same results for everyone', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await facilitator.page
    .getByRole('navigation')
    .getByRole('button', { name: /Sondaggio lampo/ })
    .click()
  await facilitator.page.getByRole('button', { name: 'Apri il sondaggio' }).click()
  await expect(facilitator.page.getByTestId('survey-status')).toHaveText('Sondaggio aperto')
  // The builder is gone: the keyboard goes on from the open survey, not from the top.
  await expect(facilitator.page.getByTestId('survey-status')).toBeFocused()

  const surveyLink = `${tavolo.link(workshop.id, workshop.keys.participant)}&view=survey`
  const phones = [await person('it'), await person('it')]
  for (const phone of phones) await phone.page.setViewportSize({ width: 375, height: 740 })
  await join(phones[0]!.page, surveyLink, 'Giulia')
  await join(phones[1]!.page, surveyLink, 'Marco')
  for (const phone of phones) {
    await expect(phone.page.getByRole('navigation', { name: 'Fasi del workshop' })).toHaveCount(0)
    await expect(phone.page.getByTestId('ballot-item')).toHaveCount(3)
  }
  expect(await violations(phones[0]!.page)).toEqual([])
  await expect(facilitator.page.getByTestId('survey-count')).toHaveText(
    'Risposte: 0 su 2 partecipanti registrati',
  )
  await expect(facilitator.page.getByTestId('survey-pending')).toContainText('Giulia')

  await rate(phones[0]!.page, [5, 3, 4])
  await phones[0]!.page.getByRole('button', { name: 'Invia la mia risposta' }).click()
  await expect(phones[0]!.page.getByTestId('ballot-saved')).toBeVisible()
  await expect(phones[0]!.page.getByTestId('ballot-saved')).toBeFocused()
  await expect(facilitator.page.getByTestId('survey-count')).toHaveText(
    'Risposte: 1 su 2 partecipanti registrati',
  )
  await expect(facilitator.page.getByTestId('survey-pending')).toHaveText('Marco')

  await rate(phones[1]!.page, [1, 3, 4])
  await phones[1]!.page.getByLabel('Commento (facoltativo)').first().fill('Costa troppo cambiare i listini')
  await phones[1]!.page.getByRole('button', { name: 'Invia la mia risposta' }).click()
  await expect(facilitator.page.getByTestId('survey-count')).toHaveText(
    'Risposte: 2 su 2 partecipanti registrati',
  )

  // Giulia changes her mind: the new answer replaces the old one.
  await phones[0]!.page.reload()
  await expect(phones[0]!.page.getByTestId('ballot-saved')).toBeVisible()
  await rate(phones[0]!.page, [3, 3, 4])
  await phones[0]!.page.getByRole('button', { name: 'Aggiorna la mia risposta' }).click()
  await expect(phones[0]!.page.getByTestId('ballot-saved')).toBeVisible()
  await expect(facilitator.page.getByTestId('survey-count')).toHaveText(
    'Risposte: 2 su 2 partecipanti registrati',
  )

  await facilitator.page.getByRole('button', { name: 'Chiudi il sondaggio' }).click()
  const viewer = await person('it')
  await join(viewer.page, tavolo.link(workshop.id, workshop.keys.viewer), 'Direttrice')
  await viewer.page
    .getByRole('navigation')
    .getByRole('button', { name: /Sondaggio lampo/ })
    .click()
  for (const page of [facilitator.page, phones[1]!.page, viewer.page]) {
    const results = page.getByTestId('survey-results')
    await expect(results).toContainText('Risultati (2 risposte)')
    await expect(page.getByTestId('result-row').first()).toContainText(
      '1.Auto sostitutiva garantita in 24 ore',
    )
    await expect(page.getByTestId('result-row').first()).toContainText('media 4')
    await expect(page.getByTestId('result-row').nth(1)).toContainText(
      '2.Percorso di benvenuto nel primo mese',
    )
    await expect(page.getByTestId('result-row').nth(2)).toContainText('3.Listino unico per tutti i canali')
    await expect(page.getByTestId('result-row').nth(2)).toContainText('media 2')
    await expect(page.getByTestId('disagreement').locator('li').first()).toContainText(
      'Listino unico per tutti i canali',
    )
    await expect(page.getByTestId('survey-comments')).toHaveText(/«Costa troppo cambiare i listini»$/)
    await expect(page.getByTestId('ballot-item')).toHaveCount(0)
  }
  await expect(phones[0]!.page.getByTestId('survey-status')).toHaveText('Sondaggio chiuso')
  expect(await violations(facilitator.page)).toEqual([])
  await facilitator.page.screenshot({ path: test.info().outputPath('results.png'), fullPage: true })

  // Meeting 2 starts from these results: the debrief, and the matrix seeded from the means.
  for (const page of [facilitator.page, viewer.page]) {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /Incontro 2/ })
      .click()
    await expect(page.getByTestId('survey-debrief').getByTestId('result-row')).toHaveCount(3)
  }
  await facilitator.page.getByRole('button', { name: 'Posiziona dai risultati del sondaggio' }).click()
  const x = (title: string) =>
    viewer.page.getByTestId('matrix-card').filter({ hasText: title }).getAttribute('data-x')
  await expect.poll(() => x('Auto sostitutiva garantita in 24 ore')).toBe('75')
  await expect.poll(() => x('Percorso di benvenuto nel primo mese')).toBe('50')
  await expect.poll(() => x('Listino unico per tutti i canali')).toBe('25')
  // The viewer reads the matrix but cannot move it, with the keyboard or otherwise.
  await expect(
    viewer.page.getByRole('button', { name: 'Posiziona dai risultati del sondaggio' }),
  ).toHaveCount(0)
  await viewer.page.getByTestId('matrix-card').first().getByRole('button').focus()
  await viewer.page.keyboard.press('ArrowRight')
  await viewer.page.waitForTimeout(300)
  expect(await x('Listino unico per tutti i canali')).toBe('25')
  expect(await violations(viewer.page)).toEqual([])
})
