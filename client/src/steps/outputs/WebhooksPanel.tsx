import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { useSession } from '../../collab/hooks.ts'
import { FormMessage, type FormOutcome } from '../../components/FormMessage.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { ApiError } from '../../lib/api.ts'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { type Delivery, type Webhook, webhooksApi } from '../../lib/webhooks-api.ts'

const EVENTS = ['survey.closed', 'round.revealed', 'pipeline.status-changed', 'version.restored'] as const
const LOG_REFRESH_MS = 3000

/**
 * The facilitator's webhooks: another system is told, with a signed POST, when a survey closes,
 * a round is revealed, an action changes status or a version is restored; the delivery log
 * shows what each attempt got.
 */
export function WebhooksPanel() {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const [hooks, setHooks] = useState<Webhook[]>([])
  const [deliveries, setDeliveries] = useState<Delivery[]>([])
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<string[]>([...EVENTS])
  const [secret, setSecret] = useState<string | null>(null)
  const [message, setMessage] = useState<FormOutcome | null>(null)
  const { workshopId, key } = session
  const reload = useCallback(async () => {
    const [listed, log] = await Promise.all([
      webhooksApi.list(workshopId, key),
      webhooksApi.deliveries(workshopId, key),
    ])
    setHooks(listed.webhooks)
    setDeliveries(log.deliveries)
  }, [workshopId, key])
  useEffect(() => {
    void reload().catch(() => undefined)
    const timer = setInterval(() => void reload().catch(() => undefined), LOG_REFRESH_MS)
    return () => clearInterval(timer)
  }, [reload])
  const failed = (caught: unknown) =>
    setMessage({
      text: caught instanceof ApiError ? errorText(caught, 'webhook') : t('home.offline'),
      error: true,
    })
  const register = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const created = await webhooksApi.register(workshopId, key, url.trim(), events)
      setSecret(created.secret)
      setUrl('')
      setMessage({ text: t('outputs.webhooks.registered'), error: false })
      await reload()
    } catch (caught) {
      failed(caught)
    }
  }
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' })
  const field = 'rounded border border-slate-300 px-2 py-1'
  const cell = 'border-b border-slate-100 px-2 py-1 align-top'
  return (
    <section
      aria-labelledby="webhooks-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-print="hide"
    >
      <h3 id="webhooks-heading" className="text-xl font-semibold">
        {t('outputs.webhooks.heading')}
      </h3>
      <p className="text-sm text-slate-700">{t('outputs.webhooks.intro')}</p>
      <form onSubmit={register} className="grid gap-2">
        <label className="grid gap-1">
          <span>{t('outputs.webhooks.url')}</span>
          <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} className={field} />
        </label>
        <fieldset className="flex flex-wrap gap-3">
          <legend className="mb-1">{t('outputs.webhooks.events')}</legend>
          {EVENTS.map((name) => (
            <label key={name} className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={events.includes(name)}
                onChange={(e) =>
                  setEvents(e.target.checked ? [...events, name] : events.filter((x) => x !== name))
                }
              />
              {t(`outputs.webhooks.event.${name.replace('.', '-')}`)}
            </label>
          ))}
        </fieldset>
        <button
          type="submit"
          disabled={events.length === 0}
          className="min-h-9 justify-self-start rounded bg-indigo-700 px-3 text-white disabled:opacity-50"
        >
          {t('outputs.webhooks.register')}
        </button>
      </form>
      <FormMessage outcome={message} />
      {secret && (
        <label className="grid gap-1 rounded bg-amber-50 p-2">
          <span className="font-medium">{t('outputs.webhooks.secret')}</span>
          <span className="text-sm">{t('outputs.webhooks.secretHint')}</span>
          <input
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            className={`${field} font-mono text-sm`}
          />
        </label>
      )}
      {hooks.length > 0 && (
        <ul className="grid gap-2" aria-label={t('outputs.webhooks.list')}>
          {hooks.map((hook) => (
            <li
              key={hook.id}
              className="flex flex-wrap items-center gap-2 rounded border border-slate-200 p-2"
              data-testid="webhook"
            >
              <span className="min-w-0 flex-1 break-all font-mono text-sm">{hook.url}</span>
              <span className="text-sm text-slate-700">
                {hook.events.map((e) => t(`outputs.webhooks.event.${e.replace('.', '-')}`)).join(', ')}
              </span>
              <button
                type="button"
                onClick={() => webhooksApi.test(workshopId, key, hook.id).then(reload, failed)}
                aria-label={t('outputs.webhooks.testOf', { url: hook.url })}
                className="min-h-9 rounded border border-indigo-700 px-2 text-indigo-800"
              >
                {t('outputs.webhooks.test')}
              </button>
              <button
                type="button"
                onClick={() => webhooksApi.remove(workshopId, key, hook.id).then(reload, failed)}
                aria-label={t('outputs.webhooks.removeOf', { url: hook.url })}
                className="min-h-9 rounded px-2 text-red-800 underline"
              >
                {t('outputs.webhooks.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {deliveries.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="webhook-log">
            <caption className="text-left font-medium">{t('outputs.webhooks.log')}</caption>
            <thead>
              <tr>
                {['when', 'event', 'status', 'attempts', 'answer'].map((h) => (
                  <th key={h} scope="col" className={cell}>
                    {t(`outputs.webhooks.columns.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-testid="webhook-delivery">
                  <td className={cell}>{time.format(d.createdAt)}</td>
                  <td className={cell}>
                    {d.event === 'ping'
                      ? t('outputs.webhooks.ping')
                      : t(`outputs.webhooks.event.${d.event.replace('.', '-')}`)}
                  </td>
                  <td className={cell}>{t(`outputs.webhooks.state.${d.status}`)}</td>
                  <td className={cell}>{d.attempts}</td>
                  <td className={cell}>
                    {d.error ?? (d.responseStatus === null ? '—' : `HTTP ${d.responseStatus}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
