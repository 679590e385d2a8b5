import fs from 'node:fs'
import ExcelJS from 'exceljs'
import { exportWorkshop } from '../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../support/full-workshop.ts'
import { violations } from './a11y.ts'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

const PHONE = { width: 390, height: 844 }
const EVENING = 'Consegna serale, su appuntamento'

test('a programme of three groups: the facilitator adds them, an owner updates from a phone, the manager watches the dashboard change live', async ({
  tavolo,
  person,
}) => {
  const groups: Record<
    string,
    { id: string; keys: Record<'facilitator' | 'participant' | 'viewer', string> }
  > = {}
  for (const title of ['Consegne', 'Fatturazione', 'Assistenza']) {
    const { content, control } = fullWorkshop()
    const data = exportWorkshop(content, control)
    data.meta.title = title
    const response = await fetch(`${tavolo.baseURL}/api/workshops/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
    groups[title] = await response.json()
  }

  // Paola runs the programme: she creates it on the home page and adds the three groups.
  const paola = (await person()).page
  await paola.goto(tavolo.baseURL)
  await paola.getByRole('textbox', { name: 'Titolo del programma' }).fill('Programma CX 2027')
  await paola.getByRole('textbox', { name: 'Organizzazione del programma' }).fill('AutoLungo')
  await paola.getByRole('button', { name: 'Crea il programma' }).click()
  await expect(paola.getByRole('heading', { name: 'Programma CX 2027', level: 1 })).toBeVisible()
  await expect(paola).not.toHaveURL(/key=/)
  const linkField = paola.getByRole('textbox', { name: /Aggiungi un gruppo/ })
  await linkField.fill('https://example.org/not-a-workshop')
  await paola.getByRole('button', { name: 'Aggiungi il gruppo' }).click()
  await expect(paola.getByRole('alert')).toContainText('Non è un link di workshop')
  // A participant link is not enough: only a group's facilitator puts it in a programme.
  await linkField.fill(tavolo.link(groups.Consegne!.id, groups.Consegne!.keys.participant))
  await paola.getByRole('button', { name: 'Aggiungi il gruppo' }).click()
  await expect(paola.getByRole('alert')).toContainText('Non è stato possibile aggiungere il gruppo')
  for (const title of ['Consegne', 'Fatturazione', 'Assistenza']) {
    await linkField.fill(tavolo.link(groups[title]!.id, groups[title]!.keys.facilitator))
    await paola.getByRole('button', { name: 'Aggiungi il gruppo' }).click()
    await expect(paola.getByTestId('programme-group').filter({ hasText: title })).toBeVisible()
  }
  const viewerLink = await paola.getByRole('textbox', { name: /Link per i manager/ }).inputValue()

  // Marta, a manager, opens the read-only link.
  const marta = (await person()).page
  await marta.setViewportSize({ width: 1400, height: 1000 })
  await marta.goto(viewerLink)
  const group = (title: string) => marta.locator(`[data-testid="programme-group"][data-group="${title}"]`)
  await expect(marta.getByTestId('programme-group')).toHaveCount(3)
  await expect(marta.getByRole('heading', { name: 'Gruppi e link' })).toHaveCount(0)
  await expect(group('Consegne').getByTestId('group-quick-wins')).toHaveText('0/1')
  await expect(group('Consegne').getByTestId('group-kpis')).toHaveText('1 in linea, 0 fuori linea')
  await expect(marta.getByTestId('programme-action')).toHaveCount(6)
  // The same unit in three groups is one unit: its load adds up, heaviest first.
  await expect(marta.getByTestId('programme-unit').first()).toContainText('Customer care')
  await expect(marta.getByTestId('programme-unit').first().getByRole('cell').nth(1)).toHaveText('6')

  // Giulia owns the evening delivery in Consegne: she marks it done from her phone.
  const giulia = (await person()).page
  await giulia.setViewportSize(PHONE)
  await join(
    giulia,
    `${tavolo.link(groups.Consegne!.id, groups.Consegne!.keys.participant)}&view=actions`,
    'Giulia Bianchi',
  )
  await giulia.getByRole('button', { name: `Aggiorna ${EVENING}` }).click()
  await giulia.getByRole('combobox', { name: 'Stato' }).selectOption({ label: 'Fatta' })
  await giulia.getByRole('button', { name: "Salva l'aggiornamento" }).click()

  // Marta's dashboard follows without a reload.
  await expect(group('Consegne').getByTestId('group-quick-wins')).toHaveText('1/1')
  await expect(group('Fatturazione').getByTestId('group-quick-wins')).toHaveText('0/1')
  await marta.getByRole('combobox', { name: 'Stato' }).selectOption({ label: 'Fatta' })
  await expect(marta.getByTestId('programme-action')).toHaveCount(1)
  await expect(marta.getByTestId('programme-action').getByRole('cell')).toHaveText([
    'Consegne',
    EVENING,
    'Giulia Bianchi',
    'Customer care',
    'Subito',
    '15/04/27',
    'Fatta · 100%',
  ])
  await marta.getByRole('combobox', { name: 'Stato' }).selectOption({ label: 'Tutti' })
  await marta.getByRole('combobox', { name: 'Gruppo' }).selectOption({ label: 'Fatturazione' })
  await expect(marta.getByTestId('programme-action')).toHaveCount(2)
  await expect(marta.getByTestId('programme-kpi')).toHaveCount(1)

  // The consolidated workbook.
  const [download] = await Promise.all([
    marta.waitForEvent('download'),
    marta.getByRole('button', { name: 'Scarica il programma (XLSX)' }).click(),
  ])
  const workbook = new ExcelJS.Workbook()
  const file = fs.readFileSync((await download.path())!)
  await workbook.xlsx.load(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  )
  expect(workbook.worksheets.map((s) => s.name)).toEqual(['Gruppi', 'Pipeline', 'KPI', 'Carico delle unità'])
  const pipeline = workbook.getWorksheet('Pipeline')!
  expect(pipeline.getRow(2).values).toEqual(expect.arrayContaining(['Consegne', EVENING, 'fatta', 100]))

  expect(await violations(marta)).toEqual([])
  expect(await violations(paola)).toEqual([])
  await marta.setViewportSize(PHONE)
  expect(await marta.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
})
