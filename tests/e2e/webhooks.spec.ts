import { createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { violations } from './a11y.ts'
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

const EVENING = 'Consegna serale, su appuntamento'

test('webhooks: the facilitator registers one on Outputs, tests it, and an owner’s update reaches the receiving system signed', async ({
  tavolo,
  person,
}) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = []
  const receiving = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => {
      body += chunk
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiving.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(receiving.address() as AddressInfo).port}/tavolo`
  try {
    const workshop = await tavolo.importFullWorkshop()
    const fabio = (await person()).page
    await fabio.setViewportSize({ width: 1400, height: 1000 })
    await join(fabio, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
    await fabio
      .getByRole('navigation')
      .getByRole('button', { name: /Risultati/ })
      .click()
    await fabio
      .getByRole('textbox', { name: 'Indirizzo che riceve gli eventi' })
      .fill('http://example.org/hook')
    await fabio.getByRole('button', { name: 'Registra il webhook' }).click()
    await expect(fabio.getByRole('alert')).toContainText('WEBHOOK_HOSTS')
    await fabio.getByRole('textbox', { name: 'Indirizzo che riceve gli eventi' }).fill(url)
    await fabio.getByRole('button', { name: 'Registra il webhook' }).click()
    const secret = await fabio.getByRole('textbox', { name: 'Segreto di firma' }).inputValue()
    expect(secret).toMatch(/^[\w-]{32}$/)
    await fabio.getByRole('button', { name: `Invia una prova a ${url}` }).click()
    const log = fabio.getByTestId('webhook-delivery')
    await expect(log.first()).toContainText('provaconsegnato1HTTP 204')

    // Giulia, the owner, marks her action done from her phone.
    const giulia = (await person()).page
    await giulia.setViewportSize({ width: 390, height: 844 })
    await join(
      giulia,
      `${tavolo.link(workshop.id, workshop.keys.participant)}&view=actions`,
      'Giulia Bianchi',
    )
    await giulia.getByRole('button', { name: `Aggiorna ${EVENING}` }).click()
    await giulia.getByRole('combobox', { name: 'Stato' }).selectOption({ label: 'Fatta' })
    await giulia.getByRole('button', { name: "Salva l'aggiornamento" }).click()

    await expect(log.first()).toContainText("stato di un'azione cambiatoconsegnato1HTTP 204")
    const event = received.find((r) => r.headers['x-tavolo-event'] === 'pipeline.status-changed')!
    expect(event.headers['x-tavolo-signature']).toBe(
      `sha256=${createHmac('sha256', secret).update(event.body).digest('hex')}`,
    )
    expect(JSON.parse(event.body)).toMatchObject({
      event: 'pipeline.status-changed',
      workshopId: workshop.id,
      data: { status: 'done', previous: 'in-progress', source: 'follow-up', by: 'Giulia Bianchi' },
    })
    expect(await violations(fabio)).toEqual([])

    await fabio.getByRole('button', { name: `Elimina il webhook ${url}` }).click()
    await expect(fabio.getByTestId('webhook')).toHaveCount(0)
  } finally {
    await new Promise((resolve) => receiving.close(resolve))
  }
})
