import type { PipelineStatus } from '../../../shared/domain/pipeline.ts'
import type { StoredActionUpdate } from '../../../shared/schema/follow-up.ts'
import { workshopCall } from './survey-api.ts'

export type NewActionUpdate = {
  entryId: string
  status: PipelineStatus
  percent: number
  note: string
  date: string
}

export const followUpApi = {
  /** The server checks who may update the action and stamps who and when. */
  addUpdate: (workshopId: string, key: string, token: string | null, update: NewActionUpdate) =>
    workshopCall<Omit<StoredActionUpdate, 'index'>>(
      workshopId,
      '/follow-up/updates',
      key,
      { method: 'POST', body: JSON.stringify(update) },
      token,
    ),
}

/** Today in this browser's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
