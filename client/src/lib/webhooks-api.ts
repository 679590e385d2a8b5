import { workshopCall } from './survey-api.ts'

export type Webhook = { id: string; url: string; events: string[]; createdAt: number }
export type Delivery = {
  id: string
  webhookId: string
  event: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  responseStatus: number | null
  error: string | null
  createdAt: number
  updatedAt: number
}

export const webhooksApi = {
  list: (workshopId: string, key: string) =>
    workshopCall<{ webhooks: Webhook[]; events: string[] }>(workshopId, '/webhooks', key),
  register: (workshopId: string, key: string, url: string, events: string[]) =>
    workshopCall<Webhook & { secret: string }>(workshopId, '/webhooks', key, {
      method: 'POST',
      body: JSON.stringify({ url, events }),
    }),
  remove: (workshopId: string, key: string, id: string) =>
    workshopCall(workshopId, `/webhooks/${encodeURIComponent(id)}`, key, { method: 'DELETE' }),
  test: (workshopId: string, key: string, id: string) =>
    workshopCall(workshopId, `/webhooks/${encodeURIComponent(id)}/test`, key, { method: 'POST' }),
  deliveries: (workshopId: string, key: string) =>
    workshopCall<{ deliveries: Delivery[] }>(workshopId, '/webhooks/deliveries', key),
}
