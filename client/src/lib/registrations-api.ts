import { workshopCall } from './survey-api.ts'

export type Registration = {
  id: string
  name: string
  unitId: string | null
  joinedAt: number
  sameBrowserAs: string[]
}

/** The facilitator's registrations panel (see server/auth/participants.ts). */
export const registrationsApi = {
  list: (workshopId: string, key: string) =>
    workshopCall<{ participants: Registration[] }>(workshopId, '/participants', key),
  remove: (workshopId: string, key: string, participantId: string) =>
    workshopCall(workshopId, `/participants/${encodeURIComponent(participantId)}`, key, { method: 'DELETE' }),
  merge: (workshopId: string, key: string, participantId: string, into: string) =>
    workshopCall(workshopId, `/participants/${encodeURIComponent(participantId)}/merge`, key, {
      method: 'POST',
      body: JSON.stringify({ into }),
    }),
}
