import * as Y from 'yjs'
import { CONTENT_COLLECTIONS, CONTENT_MAPS } from '../../shared/schema/content.ts'
import { freePort } from '../support/child-server.ts'
import { connectProvider, whenSynced } from '../support/clients.ts'
import { tempDataDir } from '../support/server.ts'
import { violations } from './a11y.ts'
import { expect, TavoloProcess, test } from './fixtures.ts'
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

test('a hostile write cannot brick the board: every step still shows, and the server repairs what it needs on load', async ({
  tavolo,
  person,
}) => {
  test.setTimeout(120_000)
  const workshop = await tavolo.importFullWorkshop()
  const facilitator = await person('it')
  const errors: string[] = []
  facilitator.page.on('pageerror', (error) => errors.push(error.message))
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')

  // A modified client with the participant key breaks the document's shape everywhere it can.
  const attacker = connectProvider(`ws://127.0.0.1:${tavolo.port}/ws`, workshop.id, workshop.keys.participant)
  await whenSynced(attacker.provider)
  corruptEverything(attacker.doc)
  // The server refuses what breaks the document's shape (and reverts it on the writer's side);
  // what the rules let through (wrong values in plain fields) must not break any screen either.
  await expect.poll(() => attacker.doc.getMap('meta').get('title') !== undefined).toBe(true)
  await expect(facilitator.page.getByTestId('workshop-title')).toHaveText(workshop.title)

  const steps = [
    'Preparazione',
    'Incontro 1',
    'Sondaggio',
    'Incontro 2',
    'Incontro 3',
    'Incontro 4',
    'Risultati',
  ]
  const visitAll = async (page: import('@playwright/test').Page) => {
    for (const step of steps) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: new RegExp(step) })
        .click()
      await expect(page.locator('#main')).not.toBeEmpty()
      await expect(page.getByTestId('step-failed')).toHaveCount(0)
    }
  }
  await visitAll(facilitator.page)

  // A newcomer opens it too (the board used to wait for a title forever).
  const latecomer = await person('it')
  latecomer.page.on('pageerror', (error) => errors.push(error.message))
  await join(latecomer.page, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')
  await visitAll(latecomer.page)
  attacker.provider.destroy()

  // After a restart the server has put back what the schema needs: the title from its records.
  await tavolo.restart()
  const fresh = await person('it')
  await join(fresh.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await expect(fresh.page.getByTestId('workshop-title')).toHaveText(workshop.title)
  await fresh.page
    .getByRole('navigation')
    .getByRole('button', { name: /Preparazione/ })
    .click()
  await fresh.page.getByLabel('Titolo', { exact: true }).fill(`${workshop.title} (riparato)`)
  await expect(facilitator.page.getByTestId('workshop-title')).toHaveText(`${workshop.title} (riparato)`)
  expect(errors).toEqual([])
})

/** Every kind of wrong value in every root of the content document. */
function corruptEverything(doc: Y.Doc) {
  doc.transact(() => {
    const meta = doc.getMap('meta')
    meta.delete('title')
    meta.set('organisation', 42)
    meta.set('focus', new Y.Map())
    meta.set('language', 'xx')
    meta.set('kind', { evil: true })
    meta.set('schemaVersion', 'two')
    for (const name of CONTENT_COLLECTIONS) {
      const records = doc.getMap(name)
      let touched = 0
      for (const [, record] of records) {
        if (!(record instanceof Y.Map) || touched++ > 2) continue
        for (const [field, value] of [...record.entries()]) {
          if (field === 'index') continue
          if (value instanceof Y.Text) record.set(field, touched === 1 ? 'plain string' : 7)
          else if (typeof value === 'number') record.set(field, 'not a number')
          else if (typeof value === 'string') record.set(field, { nested: [1, 2] })
          else if (Array.isArray(value)) record.set(field, 'not a list')
          else record.set(field, null)
        }
      }
      records.set('junk-string', 'just a string' as never)
      records.set('junk-number', 12 as never)
      records.set('junk-array', new Y.Array() as never)
      const noIndex = new Y.Map<unknown>()
      noIndex.set('title', new Y.Text('no index'))
      records.set('junk-no-index', noIndex as never)
      const wrongTypes = new Y.Map<unknown>()
      wrongTypes.set('index', 'a0')
      for (const field of [
        'title',
        'name',
        'text',
        'stageId',
        'severity',
        'segments',
        'units',
        'x',
        'position',
        'scores',
      ])
        wrongTypes.set(field, { broken: field })
      records.set('junk-wrong-types', wrongTypes as never)
    }
    for (const name of CONTENT_MAPS) {
      const map = doc.getMap(name)
      for (const key of [...map.keys()]) map.set(key, 'junk')
      map.set('settings', 'junk')
      map.set('junk', new Y.Array())
    }
  })
}

test('anonymous results need three answers: with fewer, everyone is told why there are none', async ({
  person,
}) => {
  const server = new TavoloProcess(await freePort(), tempDataDir(), { MIN_ANONYMOUS_ANSWERS: '3' })
  await server.start()
  try {
    const workshop = await server.createWorkshop({ demo: true, language: 'it' })
    const facilitator = await person('it')
    const giulia = await person('it')
    await join(facilitator.page, server.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await join(giulia.page, server.link(workshop.id, workshop.keys.participant), 'Giulia', 'Vendite')
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.baseURL}/api/workshops/${workshop.id}${path}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${workshop.keys.facilitator}`,
          ...init.headers,
        },
      })
    const { id } = (await (
      await api('/votes', {
        method: 'POST',
        body: JSON.stringify({ target: 'interventions', votesPerPerson: 1, maxPerItem: 1, anonymous: true }),
      })
    ).json()) as { id: string }
    for (const { page } of [facilitator, giulia]) {
      await page
        .getByRole('navigation')
        .getByRole('button', { name: /Incontro 1/ })
        .click()
    }
    await expect(facilitator.page.getByTestId('results-withheld')).toHaveText(
      'I risultati compaiono da 3 risposte, così che nessuna risposta vi si possa riconoscere.',
    )
    await giulia.page
      .getByRole('button', { name: /^Un punto in più su / })
      .first()
      .click()
    await giulia.page.getByRole('button', { name: 'Salva i miei punti' }).click()
    await expect(facilitator.page.getByTestId('vote-status')).toContainText('1 su 1 hanno votato')
    await api(`/votes/${id}/reveal`, { method: 'POST' })
    for (const { page } of [facilitator, giulia]) {
      await expect(page.getByTestId('results-withheld')).toHaveText(
        'Nessun risultato: compaiono da 3 risposte (risposte ricevute: 1).',
      )
      await expect(page.getByTestId('vote-ranking')).toHaveCount(0)
    }
  } finally {
    await server.stop()
  }
})

test('the facilitator sees one browser registering twice, merges the duplicate and removes a junk registration', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  const giulia = await person('it')
  const junk = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(giulia.page, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia', 'Vendite')
  await join(junk.page, tavolo.link(workshop.id, workshop.keys.participant), 'Pippo')
  // Giulia forgets who she was in this browser and joins again under another name.
  await giulia.page.evaluate((id) => localStorage.removeItem(`tavolo:identity:${id}`), workshop.id)
  await giulia.page.goto('about:blank')
  await join(giulia.page, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia F.', 'Vendite')

  const panel = facilitator.page.getByRole('region', { name: 'Registrazioni (link dei partecipanti)' })
  await panel.getByRole('button', { name: 'Aggiorna' }).click()
  await expect(panel.getByTestId('registration')).toHaveCount(3)
  const row = (name: string) =>
    panel
      .getByTestId('registration')
      .filter({ has: facilitator.page.getByTestId('registration-name').getByText(name, { exact: true }) })
  await expect(row('Giulia F.').getByTestId('same-browser')).toHaveText('Stesso browser di Giulia')
  await expect(row('Giulia').getByTestId('same-browser')).toHaveText('Stesso browser di Giulia F.')
  await expect(row('Pippo').getByTestId('same-browser')).toHaveCount(0)
  expect(await violations(facilitator.page)).toEqual([])

  await panel.getByRole('combobox', { name: 'Unisci Giulia F. a' }).selectOption({ label: 'Giulia' })
  await panel.getByRole('button', { name: 'Unisci Giulia F.' }).click()
  await expect(panel.getByRole('status')).toHaveText('Giulia F. unito a Giulia.')
  await expect(panel.getByTestId('registration')).toHaveCount(2)

  facilitator.page.once('dialog', (dialog) => void dialog.accept())
  await panel.getByRole('button', { name: 'Rimuovi Pippo' }).click()
  await expect(panel.getByRole('status')).toHaveText('Pippo rimosso.')
  await expect(panel.getByTestId('registration')).toHaveCount(1)
  await expect(panel.getByTestId('registration')).toContainText('Giulia')
  const registered = await (
    await fetch(`${tavolo.baseURL}/api/workshops/${workshop.id}/participants`, {
      headers: { authorization: `Bearer ${workshop.keys.facilitator}` },
    })
  ).json()
  expect(registered.participants.map((p: { name: string }) => p.name)).toEqual(['Giulia'])
})

test('undo never writes a locked step: pressed on it, nothing happens; pressed elsewhere, the server undoes it and says why', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const fabio = (await person('it')).page
  const giulia = (await person('it')).page
  await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(giulia, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia', 'Vendite')
  const step = (page: typeof fabio, name: RegExp) =>
    page.getByRole('navigation').getByRole('button', { name }).click()
  await step(fabio, /Incontro 1/)
  await expect(giulia.getByRole('textbox', { name: 'Nuovo intervento' })).toBeVisible()
  await giulia.getByRole('textbox', { name: 'Nuovo intervento' }).fill('Chat sul sito')
  await giulia.getByRole('textbox', { name: 'Nuovo intervento' }).press('Enter')
  const card = (page: typeof fabio) =>
    page.locator('[data-testid="intervention-card"][data-title="Chat sul sito"]')
  await expect(card(fabio)).toBeVisible()

  await fabio.getByRole('checkbox', { name: 'Blocca questa fase per i partecipanti' }).check()
  await expect(giulia.getByTestId('locked')).toBeVisible()
  await giulia.keyboard.press('Control+z')
  await giulia.waitForTimeout(500)
  await expect(card(giulia)).toBeVisible()
  await expect(card(fabio)).toBeVisible()

  // On another step her undo would take back the card on the locked one: the server refuses it.
  await step(giulia, /Incontro 3/)
  await giulia.locator('body').press('Control+z')
  await expect(giulia.getByTestId('write-refused')).toHaveText(
    /è bloccato dal facilitatore: la tua modifica è stata annullata\./,
  )
  await step(giulia, /Incontro 1/)
  await expect(card(giulia)).toBeVisible()
  await expect(card(fabio)).toBeVisible()
  await fabio.reload()
  await step(fabio, /Incontro 1/)
  await expect(card(fabio)).toBeVisible()
})
