import type { Page } from '@playwright/test'
import { violations } from './a11y.ts'
import { expect, type TavoloProcess, test } from './fixtures.ts'
import { join } from './pages.ts'

type Workshop = Awaited<ReturnType<TavoloProcess['createWorkshop']>>

const stepButton = (page: Page, step: RegExp) =>
  page.getByRole('navigation').getByRole('button', { name: step })

test.describe('the CX vision workshop, a facilitator and two participants', () => {
  let workshop: Workshop
  test.beforeEach(async ({ tavolo }) => {
    workshop = await tavolo.createWorkshop({ title: 'Visione CX 2027', language: 'it', kind: 'vision' })
  })

  async function three(tavolo: TavoloProcess, person: () => Promise<{ page: Page }>) {
    const fabio = (await person()).page
    const giulia = (await person()).page
    const marco = (await person()).page
    await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia')
    await join(marco, tavolo.link(workshop.id, workshop.keys.participant), 'Marco')
    for (const page of [fabio, giulia, marco]) await page.setViewportSize({ width: 1400, height: 1000 })
    return { fabio, giulia, marco }
  }

  test('factors: dot-voted, chosen, scored today and target alone, then the radar with both series', async ({
    tavolo,
    person,
  }) => {
    const { fabio, giulia, marco } = await three(tavolo, person)
    // A vision workshop has its own boards, not the four meetings.
    await expect(fabio.getByRole('navigation').getByRole('button')).toHaveText([
      '1. Preparazione',
      '2. Fattori di distintività',
      '3. Personas e momenti della verità',
      '4. Autovalutazione della cultura',
      '5. Rapporto di visione',
    ])
    await stepButton(fabio, /Fattori/).click()
    await expect(giulia.getByTestId('factor')).toHaveCount(6)
    await giulia.getByRole('textbox', { name: 'Nuovo fattore nostro' }).fill('Cura')
    await giulia.getByRole('textbox', { name: 'Nuovo fattore nostro' }).press('Enter')
    await expect(marco.getByTestId('factor')).toHaveCount(7)

    await fabio.getByRole('button', { name: 'Voto a punti' }).click()
    await fabio
      .getByRole('combobox', { name: 'Vota su' })
      .selectOption({ label: 'i fattori di distintività' })
    await fabio.getByRole('button', { name: 'Avvia il voto' }).click()
    for (const [page, picks] of [
      [giulia, ['Certezza', 'Controllo']],
      [marco, ['Certezza', 'Cura']],
    ] as const) {
      for (const name of picks) await page.getByRole('button', { name: `Un punto in più su ${name}` }).click()
      await page.getByRole('button', { name: 'Salva i miei punti' }).click()
      await expect(page.getByTestId('vote-saved')).toBeVisible()
    }
    await fabio.getByRole('button', { name: 'Rivela i voti' }).click()
    await expect(giulia.getByTestId('vote-ranking').getByRole('listitem').first()).toContainText('Certezza')
    for (const name of ['Certezza', 'Controllo', 'Cura']) {
      await fabio.getByRole('button', { name: `Scegli ${name} per la visione` }).click()
    }
    await expect(giulia.locator('[data-testid="factor"][data-factor="Cura"]')).toContainText('★ scelto')

    await fabio.getByRole('button', { name: 'Apri la valutazione dei fattori scelti' }).click()
    const score = async (page: Page, values: Record<string, [number, number]>) => {
      for (const [name, [today, target]] of Object.entries(values)) {
        await page.getByRole('slider', { name: `Dove siamo oggi: ${name}` }).fill(String(today))
        await page.getByRole('slider', { name: `Dove vogliamo arrivare: ${name}` }).fill(String(target))
      }
      await page.getByRole('button', { name: 'Salva le mie risposte' }).click()
      await expect(page.getByTestId('rating-saved')).toBeVisible()
    }
    // Unanswered sliders say so (also to screen readers); a save names what is missing; Home sets 0.
    const certezzaToday = giulia.getByRole('slider', { name: 'Dove siamo oggi: Certezza' })
    await expect(certezzaToday).toHaveAttribute('aria-valuetext', 'non ancora risposto')
    await giulia.getByRole('button', { name: 'Salva le mie risposte' }).click()
    await expect(giulia.getByRole('alert').filter({ hasText: 'Mancano 6 risposte' })).toContainText(
      'Certezza (Dove siamo oggi)',
    )
    await certezzaToday.focus()
    await giulia.keyboard.press('Home')
    await expect(certezzaToday).toHaveAttribute('aria-valuetext', '0')
    await score(giulia, { Certezza: [3, 9], Controllo: [5, 8], Cura: [2, 6] })
    await score(marco, { Certezza: [5, 9], Controllo: [5, 6], Cura: [4, 10] })
    await expect(fabio.getByTestId('factors-rating-status')).toHaveText('Aperta: 2 su 2 hanno risposto')
    await expect(giulia.getByTestId('radar')).toHaveCount(0)
    await fabio.getByRole('button', { name: 'Chiudi e mostra i risultati' }).click()
    for (const page of [fabio, giulia, marco]) {
      await expect(page.getByTestId('radar-series')).toHaveCount(2)
      await expect(page.getByTestId('factor-result')).toHaveText(
        ['Certezza495', 'Controllo572', 'Cura385'].map((s) => new RegExp(s.split('').join('\\s*'))),
      )
    }
    expect(await violations(giulia)).toEqual([])
    // Starting again asks first; cancelled, the results stay.
    await fabio.getByRole('button', { name: 'Ricomincia' }).click()
    await expect(fabio.getByText(/^Avviare un nuovo giro\?/)).toBeVisible()
    await fabio
      .getByRole('region', { name: 'Oggi e obiettivo, votati da soli' })
      .getByRole('button', { name: 'Annulla' })
      .click()
    await expect(giulia.getByTestId('radar-series')).toHaveCount(2)
  })

  test('culture self-assessment: statements edited by the facilitator, scored alone, results by area and weakest first', async ({
    tavolo,
    person,
  }) => {
    const { fabio, giulia, marco } = await three(tavolo, person)
    await stepButton(fabio, /Autovalutazione/).click()
    await expect(giulia.getByTestId('culture-area')).toHaveCount(10)
    // Participants cannot edit the statements; the facilitator can, before opening.
    await expect(giulia.getByRole('textbox', { name: 'Affermazione in Promessa' }).first()).toHaveAttribute(
      'readonly',
      '',
    )
    await fabio
      .getByRole('textbox', { name: 'Nuova affermazione in Promessa' })
      .fill('Ogni reparto conosce la promessa fatta ai clienti.')
    await fabio.getByRole('textbox', { name: 'Nuova affermazione in Promessa' }).press('Enter')
    await expect(giulia.getByRole('textbox', { name: 'Affermazione in Promessa' })).toHaveCount(4)

    await fabio.getByRole('button', { name: "Apri l'autovalutazione" }).click()
    await expect(giulia.getByTestId('rating-item')).toHaveCount(31)
    const answerAll = async (page: Page, value: (i: number) => number) => {
      const items = page.getByTestId('rating-item')
      for (let i = 0; i < 31; i++) {
        await items
          .nth(i)
          .getByRole('radio', { name: new RegExp(`^${value(i)}, `) })
          .check({ force: true })
      }
      await page.getByRole('button', { name: 'Salva le mie risposte' }).click()
      await expect(page.getByTestId('rating-saved')).toBeVisible()
    }
    // The new Promise statement (4th) gets 1 from both: the weakest.
    await answerAll(giulia, (i) => (i === 3 ? 1 : 4))
    await answerAll(marco, (i) => (i === 3 ? 1 : i % 2 === 0 ? 5 : 3))
    await fabio.getByRole('button', { name: 'Chiudi e mostra i risultati' }).click()
    for (const page of [fabio, giulia]) {
      await expect(page.getByTestId('culture-result').first()).toContainText(
        'Ogni reparto conosce la promessa fatta ai clienti.',
      )
      await expect(page.getByTestId('culture-result').first()).toContainText('Promessa')
      await expect(page.getByTestId('radar-series')).toHaveCount(1)
    }
    expect(await violations(fabio)).toEqual([])
  })

  test('a persona built together, its moments of truth on the journey, and the vision report that prints and exports', async ({
    tavolo,
    person,
  }) => {
    const { fabio, giulia, marco } = await three(tavolo, person)
    // Stages come from Setup.
    for (const stage of ['Scelta', 'Consegna']) {
      await fabio.getByPlaceholder('Nuova fase', { exact: true }).fill(stage)
      await fabio.getByPlaceholder('Nuova fase', { exact: true }).press('Enter')
    }
    await stepButton(fabio, /Personas/).click()
    await expect(giulia.getByRole('heading', { name: 'Personas', exact: true })).toBeVisible()
    await giulia.getByRole('textbox', { name: 'Nuova persona (nome)' }).fill('Laura, flotta aziendale')
    await giulia.getByRole('textbox', { name: 'Nuova persona (nome)' }).press('Enter')
    const card = (page: Page) => page.getByTestId('persona').first()
    await expect(card(marco)).toBeVisible()
    await giulia.getByRole('button', { name: 'Scheda di Laura, flotta aziendale', exact: true }).click()
    await marco.getByRole('button', { name: 'Scheda di Laura, flotta aziendale', exact: true }).click()
    // Two people fill different fields and sliders at the same time.
    await giulia.getByRole('spinbutton', { name: 'Età' }).fill('42')
    await giulia.getByRole('textbox', { name: 'Occupazione' }).fill('Responsabile flotta')
    await marco
      .getByRole('textbox', { name: 'Una frase con le sue parole' })
      .fill('Mi serve sapere quando arriva, non scuse.')
    await giulia.getByRole('slider', { name: 'Paura di Laura, flotta aziendale' }).fill('80')
    await marco.getByRole('slider', { name: 'Estroverso – introverso di Laura, flotta aziendale' }).fill('20')
    for (const page of [giulia, marco]) {
      await expect(page.getByRole('textbox', { name: 'Occupazione' })).toHaveValue('Responsabile flotta')
      await expect(page.getByRole('slider', { name: 'Paura di Laura, flotta aziendale' })).toHaveValue('80')
      await expect(
        page.getByRole('slider', { name: 'Estroverso – introverso di Laura, flotta aziendale' }),
      ).toHaveValue('20')
      await expect(card(page)).toContainText('«Mi serve sapere quando arriva, non scuse.»')
      await expect(card(page)).toContainText('42 anni · Responsabile flotta')
    }

    await marco
      .getByRole('button', { name: 'Segna Consegna come momento della verità per Laura, flotta aziendale' })
      .click()
    const excellent = giulia.getByRole('textbox', {
      name: 'Che cosa vuol dire eccellente per Laura, flotta aziendale in Consegna',
    })
    await excellent.fill('Auto pronta all’ora promessa, con tutti i documenti')
    await giulia
      .getByRole('combobox', { name: 'Fattore espresso, Laura, flotta aziendale in Consegna' })
      .selectOption({ label: 'Certezza' })
    await expect(marco.getByTestId('moment')).toHaveCount(1)
    await expect(marco.getByRole('combobox', { name: /Fattore espresso/ })).toHaveValue(/.+/)

    await stepButton(fabio, /Rapporto di visione/).click()
    const report = giulia.getByTestId('vision-report')
    await expect(report.getByTestId('report-persona')).toContainText('Laura, flotta aziendale')
    await expect(report.getByTestId('report-moments')).toHaveText(
      'Laura, flotta aziendale · Consegna: Auto pronta all’ora promessa, con tutti i documenti (Certezza)',
    )
    const [download] = await Promise.all([
      giulia.waitForEvent('download'),
      giulia.getByRole('button', { name: 'Rapporto di visione (Markdown)' }).click(),
    ])
    const fs = await import('node:fs')
    const markdown = fs.readFileSync(await download.path(), 'utf8')
    expect(markdown).toContain('### Laura, flotta aziendale')
    expect(markdown).toContain(
      '- **Laura, flotta aziendale · Consegna**: Auto pronta all’ora promessa, con tutti i documenti (Certezza)',
    )
    await giulia.emulateMedia({ media: 'print' })
    await expect(giulia.getByRole('navigation')).toBeHidden()
    const pdf = await giulia.pdf({ format: 'A4' })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await giulia.emulateMedia({ media: 'screen' })
    expect(await violations(giulia)).toEqual([])
  })
})
