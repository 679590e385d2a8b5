import { expect, test } from './fixtures.ts'
import { addToList, expectNames, join, keyboardDrag, listNames, readNames, typeAtEnd } from './pages.ts'

const DEMO_STAGES_IT = [
  'Ricerca e preventivo',
  'Firma del contratto',
  'Attesa del veicolo',
  'Consegna',
  'Primo mese di utilizzo',
  'Assistenza e sinistri',
]

test('a facilitator creates a workshop, gets three links, and finds it again on the home page', async ({
  tavolo,
  person,
}) => {
  const { page } = await person('it')
  await page.goto(tavolo.baseURL)
  await page.getByLabel('Titolo del workshop').fill('Reclami fatturazione')
  await page.getByLabel('Organizzazione', { exact: true }).fill('Acme Energia')
  await page.getByLabel('Lingua del workshop').selectOption('en')
  await page.getByRole('button', { name: 'Crea il workshop' }).click()
  await page.getByRole('dialog').getByRole('textbox').fill('Anna')
  await page.getByRole('dialog').getByRole('button').click()
  await expect(page.getByTestId('workshop-title')).toHaveText('Reclami fatturazione')
  await expect(page.getByTestId('my-role')).toHaveText('Facilitatore')

  await page.getByRole('button', { name: 'Condividi' }).click()
  await page.getByRole('button', { name: 'Mostra il mio link di facilitatore' }).click()
  const links: Record<string, string> = {}
  for (const role of ['facilitator', 'participant', 'viewer']) {
    links[role] = await page.getByTestId(`share-${role}`).getByRole('textbox').inputValue()
  }
  const id = new URL(page.url()).pathname.split('/').pop()!
  for (const [role, link] of Object.entries(links)) {
    const key = new URL(link).hash.replace('#key=', '')
    const info = await (await fetch(`${tavolo.baseURL}/api/workshops/${id}?key=${key}`)).json()
    expect(info.role).toBe(role)
  }

  await page.goto(tavolo.baseURL)
  await expect(page.getByRole('link', { name: 'Reclami fatturazione' })).toBeVisible()
  await page.getByRole('link', { name: 'Reclami fatturazione' }).click()
  await expect(page.getByTestId('workshop-title')).toHaveText('Reclami fatturazione')
})

test('three people edit Setup at once: presence, live edits, one text field typed by two', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  const giulia = await person('it')
  const marco = await person('en')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(giulia.page, tavolo.link(workshop.id, workshop.keys.participant), 'Giulia Ferri', 'Vendite')
  await join(marco.page, tavolo.link(workshop.id, workshop.keys.participant), 'Marco', 'Customer care')

  for (const { page } of [facilitator, giulia, marco]) {
    await expect(page.getByTestId('presence')).toHaveCount(3)
    for (const name of ['Fabio', 'Giulia Ferri', 'Marco']) {
      await expect(page.getByTestId('presence').filter({ hasText: name })).toHaveCount(1)
    }
  }
  // Both participants registered with the server and got a personal token.
  const registered = async () => {
    const url = `${tavolo.baseURL}/api/workshops/${workshop.id}/participants?key=${workshop.keys.facilitator}`
    const body = (await (await fetch(url)).json()) as { participants: { name: string }[] }
    return body.participants.map((p) => p.name).sort()
  }
  await expect.poll(registered).toEqual(['Giulia Ferri', 'Marco'])
  expect(
    await giulia.page.evaluate(
      (id) => JSON.parse(localStorage.getItem(`tavolo:identity:${id}`)!).token,
      workshop.id,
    ),
  ).toMatch(/.{20,}/)
  // Giulia was matched to the participant the facilitator had listed; Marco was added.
  await expect(listNames(facilitator.page, 'participants').last()).toHaveValue('Marco')
  await expect(listNames(facilitator.page, 'participants')).toHaveCount(6)
  await expect(facilitator.page.getByRole('combobox', { name: 'Unità di Marco', exact: true })).toHaveValue(
    /.+/,
  )
  await expect(facilitator.page.getByTestId('presence').filter({ hasText: 'Giulia Ferri' })).toContainText(
    'Vendite',
  )

  await Promise.all([
    addToList(giulia.page, 'Nuova fase', 'Rinnovo'),
    addToList(marco.page, 'New segment', 'Noleggio breve'),
  ])
  for (const { page } of [facilitator, giulia, marco]) {
    await expectNames(page, 'stages', [...DEMO_STAGES_IT, 'Rinnovo'])
    await expect(listNames(page, 'segments').last()).toHaveValue('Noleggio breve')
  }

  // Two people type in the title at the same moment: one at the start, one at the end.
  const original = await giulia.page.getByRole('textbox', { name: 'Titolo', exact: true }).inputValue()
  const atStart = async () => {
    const field = giulia.page.getByRole('textbox', { name: 'Titolo', exact: true })
    await field.click()
    await field.press('Home')
    await field.pressSequentially('[2026] ', { delay: 20 })
  }
  await Promise.all([atStart(), typeAtEnd(marco.page, 'Title', ' - Nord')])
  const expected = `[2026] ${original} - Nord`
  for (const { page } of [facilitator, giulia, marco]) {
    await expect(page.getByTestId('workshop-title')).toHaveText(expected)
  }
  await expect(facilitator.page.getByRole('textbox', { name: 'Titolo', exact: true })).toHaveValue(expected)
})

test('journey stages are reordered by drag, by keyboard and by buttons, for everyone', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  const participant = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(participant.page, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')
  const page = participant.page
  await page.setViewportSize({ width: 1280, height: 1400 })
  const [a, b, c, d, e, f] = DEMO_STAGES_IT as [string, string, string, string, string, string]

  // Mouse: drag the first stage onto the third.
  const handle = page.getByRole('button', { name: `Riordina ${a}` })
  const target = page.getByRole('button', { name: `Riordina ${c}` })
  await page.getByRole('heading', { name: 'Fasi del customer journey' }).scrollIntoViewIfNeeded()
  const from = (await handle.boundingBox())!
  const to = (await target.boundingBox())!
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
  await page.mouse.down()
  await page.mouse.move(from.x + from.width / 2, from.y + 20, { steps: 5 })
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + 5, { steps: 15 })
  await page.mouse.up()
  await expectNames(facilitator.page, 'stages', [b, c, a, d, e, f])

  // Keyboard: pick up the last stage, move it up two places, drop it.
  await keyboardDrag(
    page,
    page.getByRole('button', { name: `Riordina ${f}` }),
    [
      { key: 'ArrowUp', announcement: `${f} spostato in posizione 5 di 6.` },
      { key: 'ArrowUp', announcement: `${f} spostato in posizione 4 di 6.` },
      { key: 'Space', announcement: `${f} lasciato in posizione 4 di 6.` },
    ],
    `${f} spostato in posizione 6 di 6.`,
  )
  await expectNames(facilitator.page, 'stages', [b, c, a, f, d, e])

  // Buttons: the explicit keyboard alternative.
  await page.getByRole('button', { name: `Sposta ${b} in giù` }).click()
  await expectNames(facilitator.page, 'stages', [c, b, a, f, d, e])
  await expectNames(page, 'stages', [c, b, a, f, d, e])
})

test('a reload keeps everything, and undo reverts only my own change', async ({ tavolo, person }) => {
  const workshop = await tavolo.createWorkshop({ title: 'Undo', language: 'it' })
  const facilitator = await person('it')
  const participant = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(participant.page, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')

  await addToList(facilitator.page, 'Nuova fase', 'Fase del facilitatore')
  await expectNames(participant.page, 'stages', ['Fase del facilitatore'])
  await addToList(participant.page, 'Nuovo segmento', 'Segmento di Sara')
  await typeAtEnd(participant.page, 'Organizzazione', 'Org di Sara')
  await expect(facilitator.page.getByRole('textbox', { name: 'Organizzazione', exact: true })).toHaveValue(
    'Org di Sara',
  )

  // Sara undoes twice: her typing, then her segment. The facilitator's stage stays.
  await participant.page.locator('body').click({ position: { x: 5, y: 5 } })
  await participant.page.keyboard.press('Control+z')
  await expect(facilitator.page.getByRole('textbox', { name: 'Organizzazione', exact: true })).toHaveValue('')
  await participant.page.getByRole('button', { name: 'Annulla' }).click()
  await expectNames(facilitator.page, 'segments', [])
  await expectNames(facilitator.page, 'stages', ['Fase del facilitatore'])
  await participant.page.keyboard.press('Control+Shift+z')
  await expectNames(facilitator.page, 'segments', ['Segmento di Sara'])

  await facilitator.page.reload()
  await participant.page.reload()
  for (const { page } of [facilitator, participant]) {
    await expect(page.locator('[data-state="connected"]')).toBeVisible()
    await expectNames(page, 'stages', ['Fase del facilitatore'])
    await expectNames(page, 'segments', ['Segmento di Sara'])
    await expectNames(page, 'participants', ['Sara'])
  }
})

test('a participant who goes offline keeps editing and everyone converges when back', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ title: 'Offline', language: 'it' })
  const facilitator = await person('it')
  const participant = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(participant.page, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')

  await participant.context.setOffline(true)
  await expect(participant.page.locator('[data-state="offline"]')).toHaveText('Non in linea')
  await addToList(participant.page, 'Nuova fase', 'Scritta offline')
  await addToList(facilitator.page, 'Nuova fase', 'Scritta online')
  await expectNames(facilitator.page, 'stages', ['Scritta online'])

  await participant.context.setOffline(false)
  await expect(participant.page.locator('[data-state="connected"]')).toBeVisible()
  for (const { page } of [facilitator, participant]) {
    await expect(listNames(page, 'stages')).toHaveCount(2)
  }
  const order = await readNames(facilitator.page, 'stages')
  expect([...order].sort()).toEqual(['Scritta offline', 'Scritta online'])
  await expectNames(participant.page, 'stages', order)
})

test('a viewer sees everything and cannot change anything', async ({ tavolo, person }) => {
  const workshop = await tavolo.createWorkshop({ demo: true, language: 'it' })
  const facilitator = await person('it')
  const viewer = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(viewer.page, tavolo.link(workshop.id, workshop.keys.viewer), 'Direttrice')

  await expectNames(viewer.page, 'stages', DEMO_STAGES_IT)
  await expect(viewer.page.getByTestId('my-role')).toHaveText('Osservatore (sola lettura)')
  for (const field of await listNames(viewer.page, 'stages').all()) await expect(field).not.toBeEditable()
  await expect(viewer.page.getByRole('textbox', { name: 'Titolo', exact: true })).not.toBeEditable()
  await expect(viewer.page.getByPlaceholder('Nuova fase')).toHaveCount(0)
  await expect(viewer.page.getByRole('button', { name: /^Elimina / }).first()).toBeDisabled()
  await expect(viewer.page.getByRole('button', { name: 'Annulla' })).toHaveCount(0)

  // A live change by the facilitator reaches the viewer.
  await addToList(facilitator.page, 'Nuova fase', 'Rinnovo')
  await expect(listNames(viewer.page, 'stages').last()).toHaveValue('Rinnovo')

  // Edits forced from the console never reach anyone else.
  await viewer.page.evaluate(() => {
    const session = (window as unknown as { tavoloSession: { content: import('yjs').Doc } }).tavoloSession
    const title = session.content.getMap('meta').get('title') as import('yjs').Text
    title.insert(0, 'FORZATO ')
  })
  await expect(viewer.page.getByTestId('workshop-title')).toContainText('FORZATO')
  await addToList(facilitator.page, 'Nuova fase', 'Dopo il tentativo')
  await expect(listNames(viewer.page, 'stages').last()).toHaveValue('Dopo il tentativo')
  await expect(facilitator.page.getByTestId('workshop-title')).not.toContainText('FORZATO')
  const late = await person('it')
  await join(late.page, tavolo.link(workshop.id, workshop.keys.participant), 'Luca')
  await expect(late.page.getByTestId('workshop-title')).not.toContainText('FORZATO')
})

test('the server restarts during the session: nothing is lost and clients reconnect by themselves', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop({ title: 'Riavvio', language: 'it' })
  const facilitator = await person('it')
  const participant = await person('it')
  await join(facilitator.page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await join(participant.page, tavolo.link(workshop.id, workshop.keys.participant), 'Sara')
  await addToList(participant.page, 'Nuova fase', 'Prima del riavvio')
  await expectNames(facilitator.page, 'stages', ['Prima del riavvio'])

  await tavolo.stop()
  await expect(participant.page.locator('[data-state="offline"]')).toBeVisible()
  await addToList(participant.page, 'Nuova fase', 'Durante il riavvio')
  await tavolo.start()

  for (const { page } of [facilitator, participant]) {
    await expect(page.locator('[data-state="connected"]')).toBeVisible({ timeout: 15_000 })
    await expectNames(page, 'stages', ['Prima del riavvio', 'Durante il riavvio'])
  }
  const fresh = await person('it')
  await join(fresh.page, tavolo.link(workshop.id, workshop.keys.viewer), 'Manager')
  await expectNames(fresh.page, 'stages', ['Prima del riavvio', 'Durante il riavvio'])
})

test('"try the demo" opens a filled workshop in the chosen language', async ({ tavolo, person }) => {
  const { page } = await person('en')
  await page.goto(tavolo.baseURL)
  await page.getByRole('button', { name: 'Try the demo' }).click()
  await page.getByRole('dialog').getByRole('textbox').fill('Chiara')
  await page.getByRole('dialog').getByRole('button').click()
  await expect(page.getByTestId('workshop-title')).toHaveText('Improvement group: vehicle delivery')
  await expect(listNames(page, 'stages')).toHaveCount(6)
  await expect(listNames(page, 'stages').first()).toHaveValue('Search and quote')
  await expect(listNames(page, 'units')).toHaveCount(6)
  await page.getByRole('button', { name: /Meeting 4/ }).click()
  await expect(page.getByRole('heading', { name: 'Meeting 4 · Pipeline' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Action pipeline' })).toBeVisible()
})

test('on a slow connection the step heading keeps the focus after joining, while others join', async ({
  tavolo,
  person,
}) => {
  const workshop = await tavolo.createWorkshop()
  const link = tavolo.link(workshop.id, workshop.keys.participant)
  const slow = await person('it')
  // The Setup step's code arrives a second late, as on a slow phone connection.
  await slow.page.route(/\/assets\/SetupStep-[^/]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1200))
    await route.continue()
  })
  await join(slow.page, link, 'Lenta')
  const heading = slow.page.locator('#main h2').first()
  await expect(heading).toBeFocused()
  // Others joining re-render the page around the step: the step must not be drawn anew.
  for (const name of ['Bruno', 'Carla']) {
    const other = await person('it')
    await join(other.page, link, name)
  }
  await expect(slow.page.getByRole('region', { name: 'In linea ora: 3' })).toBeVisible()
  await expect(heading).toBeFocused()
})
