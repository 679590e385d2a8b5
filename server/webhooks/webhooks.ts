import { createHmac, randomUUID } from 'node:crypto'
import type { Logger } from '../log.ts'
import type { DeliveryRecord, Store, WebhookRecord } from '../persistence/store.ts'
import { destinationProblem } from './destinations.ts'

/** What a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  'survey.closed',
  'round.revealed',
  'pipeline.status-changed',
  'version.restored',
] as const
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]

/** The waits before the second, third... attempt; after the last, the delivery has failed. */
export const DEFAULT_RETRY_MS = [1_000, 10_000, 60_000, 300_000, 1_800_000]
const TIMEOUT_MS = 5_000

export const signatureOf = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`

/**
 * Sends each event to the workshop's webhooks: a JSON POST signed with HMAC-SHA256 of the body
 * (`X-Tavolo-Signature: sha256=<hex>`, the key shown to the facilitator at registration), with
 * `X-Tavolo-Event` and `X-Tavolo-Delivery` (the same id on every retry, so a receiver can drop a
 * repeat). A delivery is stored before its first attempt; a 2xx answer ends it, anything else
 * (or no answer in 5 s) is tried again after the next wait; the log keeps each outcome.
 */
export class Webhooks {
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly options: {
      allowedHosts: readonly string[]
      retryMs: readonly number[]
      /** Counts each attempt by outcome. */
      onAttempt?: (outcome: 'delivered' | 'retrying' | 'failed') => void
    },
  ) {}

  problemWith(url: string): Promise<string | null> {
    return destinationProblem(url, this.options.allowedHosts)
  }

  /** Queues the event for every webhook of the workshop that wants it. Never throws. */
  async notify(
    workshopId: string,
    event: WebhookEvent | 'ping',
    data: unknown,
    only?: WebhookRecord,
  ): Promise<void> {
    try {
      const hooks = only ? [only] : await this.store.listWebhooks(workshopId)
      for (const hook of hooks) {
        if (event !== 'ping' && !hook.events.includes(event)) continue
        const id = randomUUID()
        const now = Date.now()
        const body = JSON.stringify({ id, event, workshopId, at: new Date(now).toISOString(), data })
        const delivery: DeliveryRecord = {
          id,
          webhookId: hook.id,
          workshopId,
          event,
          body,
          status: 'pending',
          attempts: 0,
          responseStatus: null,
          error: null,
          createdAt: now,
          updatedAt: now,
          nextAt: now,
        }
        await this.store.putDelivery(delivery)
        void this.attempt(delivery, hook)
      }
    } catch (error) {
      this.log.warn({ workshop: workshopId, event, error: String(error) }, 'webhook event not queued')
    }
  }

  /** After a restart: what was still to send is sent. */
  async resume(): Promise<void> {
    for (const delivery of await this.store.listDueDeliveries(Date.now())) {
      const hook = (await this.store.listWebhooks(delivery.workshopId)).find(
        (h) => h.id === delivery.webhookId,
      )
      if (hook) void this.attempt(delivery, hook)
    }
  }

  private async attempt(delivery: DeliveryRecord, hook: WebhookRecord): Promise<void> {
    if (this.closed) return
    // A webhook removed meanwhile is not called again (its log went with it).
    const hooks = await this.store.listWebhooks(delivery.workshopId).catch(() => [hook])
    if (!hooks.some((h) => h.id === hook.id)) return
    const attempts = delivery.attempts + 1
    let responseStatus: number | null = null
    let error: string | null = await this.problemWith(hook.url)
    if (!error) {
      try {
        const response = await fetch(hook.url, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(TIMEOUT_MS),
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Tavolo-Webhooks',
            'x-tavolo-event': delivery.event,
            'x-tavolo-delivery': delivery.id,
            'x-tavolo-signature': signatureOf(hook.secret, delivery.body),
          },
          body: delivery.body,
        })
        responseStatus = response.status
        await response.body?.cancel()
        if (!response.ok) error = `HTTP ${response.status}`
      } catch (caught) {
        error =
          caught instanceof Error && caught.name === 'TimeoutError'
            ? 'no answer in 5 s'
            : `not reached: ${String((caught as Error).cause ?? caught)}`
      }
    }
    const wait = this.options.retryMs[attempts - 1]
    const next: DeliveryRecord = {
      ...delivery,
      attempts,
      responseStatus,
      error: error?.slice(0, 300) ?? null,
      updatedAt: Date.now(),
      status: error === null ? 'delivered' : wait === undefined ? 'failed' : 'pending',
      nextAt: error !== null && wait !== undefined ? Date.now() + wait : null,
    }
    this.options.onAttempt?.(next.status === 'pending' ? 'retrying' : next.status)
    try {
      await this.store.putDelivery(next)
    } catch (caught) {
      this.log.warn({ delivery: delivery.id, error: String(caught) }, 'webhook delivery outcome not stored')
    }
    if (next.status === 'pending' && !this.closed) {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        void this.attempt(next, hook)
      }, wait)
      timer.unref()
      this.timers.add(timer)
    }
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}
