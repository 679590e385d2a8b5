import type { Page } from '@playwright/test'
import { expect, type Person, type TavoloProcess, test } from './fixtures.ts'
import { join, keyboardDrag } from './pages.ts'

async function openMeeting1(page: Page) {
  await page.setViewportSize({ width: 1500, height: 1000 })
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Incontro 1/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Mappa del customer journey' })).toBeVisible()
}

/** The demo workshop's own example cards (on stages these tests do not use). */
const DEMO_CARDS = 5

const column = (page: Page, stage: string) =>
  page.locator(`[data-testid="stage-column"][data-stage="${stage}"]`)
const cardsIn = (page: Page, stage: string) => column(page, stage).getByTestId('pain-card')
const card = (page: Page, text: string) => page.locator(`[data-testid="pain-card"][data-pain="${text}"]`)

async function addPain(page: Page, stage: string, text: string) {
  const field = page.getByLabel(`Nuovo problema in ${stage}`)
  await field.fill(text)
  await field.press('Enter')
}

async function cardTexts(page: Page, stage: string) {
  return cardsIn(page, stage).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-pain')))
}

test.describe('meeting 1, live with two participants', () => {
  let workshop: Awaited<ReturnType<import('./fixtures.ts').TavoloProcess['createWorkshop']>>

  /** Two participants who joined the workshop and opened Meeting 1, each in their own browser. */
  async function participantsOnMeeting1(
    tavolo: TavoloProcess,
    person: (language?: 'it' | 'en') => Promise<Person>,
    first: string,
    second: string,
  ): Promise<[Person, Person]> {
    const people: Person[] = []
    for (const name of [first, second]) {
      const someone = await person('it')
      await join(someone.page, tavolo.link(workshop.id, workshop.keys.participant), name)
      await openMeeting1(someone.page)
      people.push(someone)
    }
    return [people[0]!, people[1]!]
  }

  test.beforeEach(async ({ tavolo }) => {
    workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  })

  test('both add pains on different stages at once and see all of them, also after a reload', async ({
    tavolo,
    person,
  }) => {
    const [giulia, marco] = await participantsOnMeeting1(tavolo, person, 'Giulia', 'Marco')

    await Promise.all([
      (async () => {
        await addPain(giulia.page, 'Consegna', 'Auto consegnata sporca')
        await addPain(giulia.page, 'Consegna', 'Documenti mancanti alla consegna')
      })(),
      (async () => {
        await addPain(marco.page, 'Attesa del veicolo', 'Nessuna notizia sulla data')
        await addPain(marco.page, 'Firma del contratto', 'Contratto di 30 pagine')
      })(),
    ])
    for (const { page } of [giulia, marco]) {
      await expect
        .poll(() => cardTexts(page, 'Consegna'))
        .toEqual(['Auto consegnata sporca', 'Documenti mancanti alla consegna'])
      await expect.poll(() => cardTexts(page, 'Attesa del veicolo')).toEqual(['Nessuna notizia sulla data'])
      await expect.poll(() => cardTexts(page, 'Firma del contratto')).toEqual(['Contratto di 30 pagine'])
      // The demo's own example has 3 pains in scope on other stages.
      await expect(page.getByTestId('perimeter')).toContainText('Problemi nel perimetro: 7')
    }

    await marco.page.reload()
    await openMeeting1(marco.page)
    await expect
      .poll(() => cardTexts(marco.page, 'Consegna'))
      .toEqual(['Auto consegnata sporca', 'Documenti mancanti alla consegna'])
    await expect.poll(() => cardTexts(marco.page, 'Firma del contratto')).toEqual(['Contratto di 30 pagine'])
  })

  test('a long perimeter lists its first ten pains, and anyone can show all of them and hide them again', async ({
    tavolo,
    person,
  }) => {
    const [giulia, marco] = await participantsOnMeeting1(tavolo, person, 'Giulia', 'Marco')
    // With the demo's 3 pains in scope, 8 more make 11.
    for (let i = 1; i <= 8; i++) await addPain(giulia.page, 'Consegna', `Ritardo numero ${i}`)

    const perimeter = marco.page.getByTestId('perimeter')
    await expect(perimeter).toContainText('Problemi nel perimetro: 11')
    const painsInScope = perimeter
      .getByRole('list', { name: 'Problemi nel perimetro: 11' })
      .getByRole('listitem')
    await expect(painsInScope).toHaveCount(10)
    const showAll = perimeter.getByRole('button', { name: 'Mostra tutti (11): Problemi nel perimetro: 11' })
    await expect(showAll).toHaveAttribute('aria-expanded', 'false')
    await showAll.focus()
    await marco.page.keyboard.press('Enter')
    await expect(painsInScope).toHaveCount(11)
    await expect(painsInScope.filter({ hasText: 'Ritardo numero 8' })).toBeVisible()
    const showFewer = perimeter.getByRole('button', { name: 'Mostra meno: Problemi nel perimetro: 11' })
    await expect(showFewer).toHaveAttribute('aria-expanded', 'true')
    // A pain added meanwhile joins the open list on the other screen.
    await addPain(giulia.page, 'Consegna', 'Ritardo numero 9')
    const twelve = perimeter.getByRole('list', { name: 'Problemi nel perimetro: 12' }).getByRole('listitem')
    await expect(twelve).toHaveCount(12)
    await perimeter.getByRole('button', { name: 'Mostra meno: Problemi nel perimetro: 12' }).click()
    await expect(twelve).toHaveCount(10)
    await expect(
      perimeter.getByRole('button', { name: 'Mostra tutti (12): Problemi nel perimetro: 12' }),
    ).toHaveAttribute('aria-expanded', 'false')
  })

  test('one drags a pain to another stage while the other edits its text: one card, one place, the edited text', async ({
    tavolo,
    person,
  }) => {
    const [giulia, marco] = await participantsOnMeeting1(tavolo, person, 'Giulia', 'Marco')
    await addPain(giulia.page, 'Consegna', 'Ritardo')
    await addPain(giulia.page, 'Attesa del veicolo', 'Telefono muto')
    await expect(card(marco.page, 'Ritardo')).toBeVisible()

    // Marco starts typing in the card; Giulia sees who is editing it.
    const text = card(marco.page, 'Ritardo').getByRole('textbox', { name: 'Problema' })
    await text.click()
    await text.press('End')
    await expect(card(giulia.page, 'Ritardo').getByTestId('editors')).toHaveText('Marco sta modificando')

    const typing = text.pressSequentially(' di tre settimane', { delay: 40 })
    const handle = giulia.page.getByRole('button', { name: 'Sposta la scheda Ritardo' })
    const target = card(giulia.page, 'Telefono muto')
    const from = (await handle.boundingBox())!
    const to = (await target.boundingBox())!
    await giulia.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await giulia.page.mouse.down()
    await giulia.page.mouse.move(from.x + 20, from.y + 20, { steps: 4 })
    await giulia.page.mouse.move(to.x + to.width / 2, to.y + to.height - 5, { steps: 12 })
    await giulia.page.mouse.up()
    await typing

    const expected = 'Ritardo di tre settimane'
    for (const { page } of [giulia, marco]) {
      await expect.poll(() => cardTexts(page, 'Consegna')).toEqual([])
      await expect
        .poll(async () => (await cardTexts(page, 'Attesa del veicolo')).sort())
        .toEqual([expected, 'Telefono muto'].sort())
      await expect(page.getByTestId('pain-card')).toHaveCount(2 + DEMO_CARDS)
    }
    const giuliaOrder = await cardTexts(giulia.page, 'Attesa del veicolo')
    await expect.poll(() => cardTexts(marco.page, 'Attesa del veicolo')).toEqual(giuliaOrder)
  })

  test('a card far down a long column, off screen, joins drag and drop when reached: the keyboard keeps its focus and moves it', async ({
    tavolo,
    person,
  }) => {
    const [sara, luca] = await participantsOnMeeting1(tavolo, person, 'Sara', 'Luca')
    const titles = Array.from({ length: 24 }, (_, i) => `Attesa ${i + 1}`)
    for (const title of titles) await addPain(sara.page, 'Consegna', title)
    // Luca has not scrolled: the last cards arrived below his screen.
    const page = luca.page
    await expect.poll(() => cardTexts(page, 'Consegna')).toEqual(titles)
    const handle = page.getByRole('button', { name: 'Sposta la scheda Attesa 24' })
    await expect(handle).not.toBeInViewport()
    await expect(handle).not.toHaveAttribute('aria-roledescription', 'sortable')
    // Reaching it by keyboard makes it join drag and drop; the focus stays on its handle.
    await handle.focus()
    await expect(handle).toHaveAttribute('aria-roledescription', 'sortable')
    await expect(handle).toBeFocused()
    await keyboardDrag(
      page,
      handle,
      [
        { key: 'ArrowUp', announcement: 'Attesa 24: sopra Attesa 23 nella fase Consegna' },
        { key: 'Space', announcement: 'Attesa 24 lasciata sopra Attesa 23 nella fase Consegna.' },
      ],
      'Attesa 24: sopra Attesa 24 nella fase Consegna',
    )
    await expect
      .poll(() => cardTexts(sara.page, 'Consegna'))
      .toEqual([...titles.slice(0, 22), 'Attesa 24', 'Attesa 23'])
  })

  test('a keyboard-only participant moves a card to another stage and within it', async ({
    tavolo,
    person,
  }) => {
    const [sara, luca] = await participantsOnMeeting1(tavolo, person, 'Sara', 'Luca')
    await addPain(sara.page, 'Consegna', 'Primo')
    await addPain(sara.page, 'Consegna', 'Secondo')
    await addPain(sara.page, 'Firma del contratto', 'Terzo')
    const page = sara.page

    // Drag and drop by keyboard: Space, arrows, Space, with announcements.
    await keyboardDrag(
      page,
      page.getByRole('button', { name: 'Sposta la scheda Secondo' }),
      [
        { key: 'ArrowUp', announcement: 'Secondo: sopra Primo nella fase Consegna' },
        { key: 'Space', announcement: 'Secondo lasciata sopra Primo nella fase Consegna.' },
      ],
      'Secondo: sopra Secondo nella fase Consegna',
    )
    await expect.poll(() => cardTexts(luca.page, 'Consegna')).toEqual(['Secondo', 'Primo'])

    // The explicit controls: open the card's details and pick a stage.
    await card(page, 'Primo').getByRole('button', { name: 'Dettagli di Primo' }).press('Enter')
    await card(page, 'Primo').getByLabel('Sposta nella fase').selectOption({ label: 'Firma del contratto' })
    await expect.poll(() => cardTexts(luca.page, 'Firma del contratto')).toEqual(['Terzo', 'Primo'])
    await card(page, 'Primo').getByRole('button', { name: 'Sposta Primo in su' }).press('Enter')
    await expect.poll(() => cardTexts(luca.page, 'Firma del contratto')).toEqual(['Primo', 'Terzo'])
    await expect.poll(() => cardTexts(luca.page, 'Consegna')).toEqual(['Secondo'])
  })

  test('NPS from a valid CSV shows on both screens; a CSV with bad lines is reported and imports nothing until confirmed', async ({
    tavolo,
    person,
  }) => {
    const facilitator = await person('it')
    const giulia = await person('it')
    await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(giulia.page, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
    await openMeeting1(facilitator.page)
    await openMeeting1(giulia.page)
    const page = facilitator.page
    const strip = (p: Page, stage: string) => p.locator(`[data-testid="stage-data"][data-stage="${stage}"]`)

    // A valid file upload: 10 promoters, 5 passives, 5 detractors -> NPS +25, n = 20 (small sample).
    await page.getByRole('button', { name: 'Dati del percorso di Consegna' }).click()
    const dialog = page.getByRole('dialog')
    const scores = ['punteggio', ...Array(10).fill('10'), ...Array(5).fill('8'), ...Array(5).fill('3')].join(
      '\n',
    )
    await dialog
      .getByLabel('Oppure carica un file CSV')
      .setInputFiles({ name: 'consegna.csv', mimeType: 'text/csv', buffer: Buffer.from(scores) })
    await expect(dialog.getByTestId('csv-report')).toContainText('Punteggi validi: 20.')
    await dialog.getByRole('button', { name: 'Importa 20 punteggi' }).click()
    await dialog.getByRole('button', { name: 'Chiudi' }).click()
    for (const p of [page, giulia.page]) {
      await expect(strip(p, 'Consegna').getByTestId('nps')).toHaveText('NPS +25')
      await expect(strip(p, 'Consegna')).toContainText('n = 20')
      await expect(strip(p, 'Consegna')).toContainText('campione piccolo')
    }

    // A pasted CSV with bad lines: a clear report, nothing imported yet.
    await page.getByRole('button', { name: 'Dati del percorso di Attesa del veicolo' }).click()
    await dialog.getByLabel('Incolla i punteggi').fill('2\n3\ndieci\n11\n6\n7.5')
    await dialog.getByRole('button', { name: 'Controlla i punteggi' }).click()
    const report = dialog.getByTestId('csv-report')
    await expect(report).toContainText('Punteggi validi: 3.')
    await expect(report).toContainText('Riga 3 ("dieci"): non è un numero')
    await expect(report).toContainText('Riga 4 ("11"): fuori dall\'intervallo 0-10')
    await expect(report).toContainText('Riga 6 ("7.5"): non è un numero intero')
    await expect(dialog.getByRole('button', { name: /^Importa 3 punteggi$/ })).toHaveCount(0)
    await expect(strip(giulia.page, 'Attesa del veicolo').getByTestId('nps')).toHaveText(
      'NPS non ancora inserito',
    )
    await dialog
      .getByRole('button', { name: 'Importa solo i 3 punteggi validi, tralasciando 3 righe' })
      .click()
    await dialog.getByRole('button', { name: 'Chiudi' }).click()
    await expect(strip(giulia.page, 'Attesa del veicolo').getByTestId('nps')).toHaveText('NPS -100')

    // CES from counts typed in by hand is a separate figure; NPS counts entered by hand too.
    await giulia.page.getByRole('button', { name: 'Dati del percorso di Firma del contratto' }).click()
    const giuliaDialog = giulia.page.getByRole('dialog')
    await giuliaDialog.getByLabel('Promotori (9-10)').fill('30')
    await giuliaDialog.getByLabel('Passivi (7-8)').fill('10')
    await giuliaDialog.getByLabel('Detrattori (0-6)').fill('10')
    await giuliaDialog.getByRole('button', { name: 'Salva i conteggi' }).click()
    await giuliaDialog.getByRole('combobox', { name: /^Punteggi/ }).selectOption('ces')
    await giuliaDialog.getByLabel('Incolla i punteggi').fill('2\n3\n4')
    await giuliaDialog.getByRole('button', { name: 'Controlla i punteggi' }).click()
    await giuliaDialog.getByRole('button', { name: 'Importa 3 punteggi' }).click()
    await giuliaDialog.getByRole('button', { name: 'Chiudi' }).click()
    await expect(strip(page, 'Firma del contratto').getByTestId('nps')).toHaveText('NPS +40')
    await expect(strip(page, 'Firma del contratto').getByTestId('ces')).toContainText('CES 3 (n = 3)')

    await page.reload()
    await openMeeting1(page)
    await expect(strip(page, 'Consegna').getByTestId('nps')).toHaveText('NPS +25')
  })

  test('interventions link to pains, and the links show on both sides for everyone', async ({
    tavolo,
    person,
  }) => {
    const [giulia, marco] = await participantsOnMeeting1(tavolo, person, 'Giulia', 'Marco')
    await addPain(giulia.page, 'Attesa del veicolo', 'Nessuna notizia sulla data')
    await addPain(giulia.page, 'Consegna', 'Auto sporca')

    await marco.page.getByLabel('Nuovo intervento').fill('Tracking della consegna via SMS')
    await marco.page.getByLabel('Nuovo intervento').press('Enter')
    const intervention = marco.page.locator(
      '[data-testid="intervention-card"][data-title="Tracking della consegna via SMS"]',
    )
    await intervention.getByRole('button', { name: 'Collega problemi' }).click()
    await intervention.getByRole('checkbox', { name: 'Nessuna notizia sulla data' }).check()
    await expect(intervention.getByTestId('intervention-links')).toHaveText('Problemi collegati: 1')

    await expect(card(giulia.page, 'Nessuna notizia sulla data').getByTestId('pain-links')).toHaveText(
      'Affrontato da: Tracking della consegna via SMS',
    )
    await expect(card(giulia.page, 'Auto sporca').getByTestId('pain-links')).toHaveCount(0)
    await expect(
      giulia.page
        .locator('[data-testid="intervention-card"][data-title="Tracking della consegna via SMS"]')
        .getByTestId('intervention-links'),
    ).toHaveText('Problemi collegati: 1')
    const perimeter = giulia.page.getByTestId('perimeter')
    await expect(perimeter.getByText('Tracking della consegna via SMS')).toBeVisible()
    await expect(perimeter.locator('li', { hasText: 'Tracking della consegna via SMS' })).toContainText(
      'affronta 1 elemento del perimetro',
    )
    await expect(perimeter).toContainText('Nel perimetro ma non affrontati da alcun intervento: 1')

    // Grouping by keyboard: a new group, then the card moved into it.
    await giulia.page.getByLabel('Nuovo gruppo').fill('Comunicazione')
    await giulia.page.getByLabel('Nuovo gruppo').press('Enter')
    await giulia.page
      .locator('[data-testid="intervention-card"][data-title="Tracking della consegna via SMS"]')
      .getByLabel('Gruppo')
      .selectOption({ label: 'Comunicazione' })
    await expect(
      marco.page
        .locator('[data-testid="intervention-group"][data-group="Comunicazione"]')
        .getByTestId('intervention-card'),
    ).toHaveCount(1)

    // Marking the pain out of scope updates the perimeter for everyone.
    await card(marco.page, 'Auto sporca').getByRole('checkbox', { name: 'Nel perimetro' }).uncheck()
    await expect(perimeter).toContainText('Problemi nel perimetro: 4')
    await expect(perimeter).toContainText('Fuori perimetro: 2 schede')

    await giulia.page.reload()
    await openMeeting1(giulia.page)
    await expect(card(giulia.page, 'Nessuna notizia sulla data').getByTestId('pain-links')).toHaveText(
      'Affrontato da: Tracking della consegna via SMS',
    )
  })
})
