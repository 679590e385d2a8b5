import type { Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../support/full-workshop.ts'
import { violations } from './a11y.ts'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

const PHONE = { width: 390, height: 844 }
const EVENING = 'Consegna serale, su appuntamento'
const PORTAL = 'Nuovo portale clienti'
const KPI = 'Ritardi, al mese'

const action = (page: Page, title: string) =>
  page.locator(`[data-testid="followup-action"][data-action="${title}"]`)
const kpiCard = (page: Page) => page.locator(`[data-testid="followup-kpi"][data-kpi="${KPI}"]`)

async function openFollowUp(page: Page) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /Follow-up/ })
    .click()
  await expect(page.getByRole('heading', { name: 'Follow-up', exact: true })).toBeVisible()
}

test('follow-up: the owner updates an action from the phone link, the facilitator sees it live; readings from a CSV reach the chart on every screen', async ({
  tavolo,
  person,
}) => {
  const { content, control } = fullWorkshop()
  const data = exportWorkshop(content, control)
  // Straight after meeting 4: nothing followed up yet.
  delete data.followUp
  const imported = await fetch(`${tavolo.baseURL}/api/workshops/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  })
  expect(imported.status).toBe(201)
  const workshop = (await imported.json()) as {
    id: string
    keys: Record<'facilitator' | 'participant' | 'viewer', string>
  }

  const fabio = (await person()).page
  const giulia = (await person()).page
  const marco = (await person()).page
  await fabio.setViewportSize({ width: 1400, height: 1000 })
  await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await openFollowUp(fabio)
  await expect(action(fabio, EVENING).getByTestId('followup-status')).toHaveText('In corso · 0% fatto')
  await fabio.getByLabel('Follow-up iniziato il').fill('2026-09-01')
  // Nobody updated or measured anything since follow-up began: all of it is on the agenda.
  await expect(fabio.getByTestId('attention')).toContainText(`${KPI}: ancora nessuna misura.`)
  await expect(fabio.getByTestId('attention')).toContainText(
    `${EVENING}: mai aggiornata dall'inizio del follow-up.`,
  )

  // Giulia owns the evening delivery: her phone link shows her actions only.
  await giulia.setViewportSize(PHONE)
  await join(giulia, `${tavolo.link(workshop.id, workshop.keys.participant)}&view=actions`, 'Giulia Bianchi')
  await expect(giulia.getByRole('heading', { name: 'Le mie azioni' })).toBeVisible()
  await expect(giulia.getByRole('navigation', { name: 'Fasi del workshop' })).toHaveCount(0)
  await expect(action(giulia, EVENING)).toBeVisible()
  await expect(action(giulia, PORTAL)).toHaveCount(0)
  await giulia.getByRole('button', { name: `Aggiorna ${EVENING}` }).click()
  const form = giulia.getByRole('form', { name: `Aggiorna ${EVENING}` })
  await form.getByRole('spinbutton', { name: 'Percentuale fatta' }).fill('60')
  await form.getByRole('textbox', { name: 'Nota' }).fill('Due turni serali attivi a Milano')
  await form.getByRole('button', { name: "Salva l'aggiornamento" }).click()
  await expect(form).toHaveCount(0)
  expect(await giulia.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)

  await expect(action(fabio, EVENING).getByTestId('followup-status')).toHaveText('In corso · 60% fatto')
  await expect(action(fabio, EVENING).getByTestId('followup-latest')).toContainText(
    'da Giulia Bianchi. Due turni serali attivi a Milano',
  )
  await action(fabio, EVENING).getByRole('button', { name: 'Storico (1 aggiornamento)' }).click()
  await expect(fabio.getByRole('list', { name: `Storico di ${EVENING}` }).getByRole('listitem')).toHaveText([
    /Giulia Bianchi: In corso, 60%\. Due turni serali attivi a Milano/,
  ])

  // Marco is in the group but owns neither action: no update button; the server would refuse.
  await join(marco, tavolo.link(workshop.id, workshop.keys.participant), 'Marco')
  await openFollowUp(marco)
  await expect(action(marco, EVENING).getByTestId('followup-status')).toHaveText('In corso · 60% fatto')
  await expect(marco.getByRole('button', { name: `Aggiorna ${EVENING}` })).toHaveCount(0)
  // Until the facilitator lets anyone update: then Marco can, on the action without an owner.
  await fabio.getByRole('checkbox', { name: /Chiunque nel gruppo/ }).check()
  await marco.getByRole('button', { name: `Aggiorna ${PORTAL}` }).click()
  const marcoForm = marco.getByRole('form', { name: `Aggiorna ${PORTAL}` })
  await marcoForm.getByRole('combobox', { name: 'Stato' }).selectOption({ label: 'Fatta' })
  await marcoForm.getByRole('button', { name: "Salva l'aggiornamento" }).click()
  await expect(action(fabio, PORTAL).getByTestId('followup-status')).toHaveText('Fatta · 100% fatto')

  // Marco pastes the measuring team's CSV: a bad line is reported by its number.
  const card = kpiCard(marco)
  await card.getByRole('button', { name: `Importa misure di ${KPI} da CSV` }).click()
  await card
    .getByRole('textbox', { name: 'Incolla il CSV' })
    .fill('data;valore;fonte\n31/10/2026;4,2;CRM\n30/11/2026;tre;CRM\n2026-11-30;3,1;CRM')
  await card.getByRole('button', { name: 'Controlla' }).click()
  const report = card.getByTestId('readings-report')
  await expect(report).toContainText('2 misure valide.')
  await expect(report).toContainText('Riga 3 (30/11/2026;tre;CRM): il valore non è un numero.')
  await report.getByRole('button', { name: 'Importa solo le 2 misure valide' }).click()

  for (const page of [fabio, marco]) {
    await expect(kpiCard(page).getByTestId('kpi-point')).toHaveCount(2)
    await expect(kpiCard(page).getByTestId('kpi-reading')).toHaveCount(2)
    await expect(kpiCard(page).getByTestId('kpi-state')).toHaveText('In linea')
  }
  await expect(kpiCard(fabio).getByRole('img')).toHaveAccessibleName(
    `${KPI}: 2 misure, l'ultima 3,1 il 30/11/26; baseline 4,5, obiettivo 2.`,
  )
  await expect(fabio.getByTestId('attention')).not.toContainText(`${KPI}: ancora nessuna misura.`)

  // A reading typed by hand that goes the wrong way is on the agenda at once.
  const add = kpiCard(fabio).getByRole('form', { name: `Nuova misura di ${KPI}` })
  await add.getByRole('textbox', { name: 'Valore' }).fill('3,9')
  await add.getByRole('button', { name: 'Aggiungi la misura' }).click()
  await expect(kpiCard(marco).getByTestId('kpi-state')).toHaveText('Nella direzione sbagliata')
  await expect(marco.getByTestId('attention')).toContainText(
    `${KPI} si sta muovendo nella direzione sbagliata.`,
  )

  // The review: the facilitator marks it; what Giulia updates afterwards is what changed since.
  await fabio.getByRole('button', { name: 'Segna una revisione tenuta oggi' }).click()
  await expect(marco.getByTestId('review')).toContainText('Da allora non è cambiato nulla.')
  await giulia.getByRole('button', { name: `Aggiorna ${EVENING}` }).click()
  await giulia.getByRole('spinbutton', { name: 'Percentuale fatta' }).fill('80')
  await giulia.getByRole('button', { name: "Salva l'aggiornamento" }).click()
  await expect(marco.getByTestId('review-updates')).toHaveText(
    new RegExp(`^${EVENING}, .*Giulia Bianchi: In corso, 80%\\.$`),
  )
  await expect(marco.getByRole('heading', { name: /^Dalla revisione del / })).toBeVisible()

  // The manager's spreadsheet holds the readings as numbers and the history of each action.
  const xlsx = await fetch(`${tavolo.baseURL}/api/workshops/${workshop.id}/exports/workshop.xlsx`, {
    headers: { authorization: `Bearer ${workshop.keys.viewer}` },
  })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await xlsx.arrayBuffer())
  const rows = (sheet: string) =>
    workbook
      .getWorksheet(sheet)!
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[]).slice(1))
  expect(rows('Misure KPI').map((row) => row.slice(0, 3))).toEqual([
    [KPI, new Date('2026-10-31T00:00:00Z'), 4.2],
    [KPI, new Date('2026-11-30T00:00:00Z'), 3.1],
    [KPI, expect.any(Date), 3.9],
  ])
  expect(rows('Aggiornamenti azioni').map((row) => [row[0], row[2], row[3], row[4]])).toEqual([
    [EVENING, 'Giulia Bianchi', 'in corso', 80],
    [PORTAL, 'Marco', 'fatta', 100],
    [EVENING, 'Giulia Bianchi', 'in corso', 60],
  ])

  if (process.env.SHOT) {
    await fabio.screenshot({ path: '/tmp/followup-fabio.png', fullPage: true })
    await giulia.screenshot({ path: '/tmp/followup-giulia.png', fullPage: true })
  }
  expect(await violations(fabio)).toEqual([])
  expect(await violations(giulia)).toEqual([])
})
