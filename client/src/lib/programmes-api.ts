import type { ProgrammeDashboard } from '../../../shared/exports/programme.ts'
import type { Language } from '../../../shared/i18n-language.ts'
import { apiErrorOf } from './api.ts'

export type ProgrammeInfo = {
  id: string
  title: string
  organisation: string
  language: Language
  role: 'facilitator' | 'viewer'
  groups: { workshopId: string; title: string }[]
  keys?: { facilitator: string; viewer: string }
}
export type DashboardAnswer = ProgrammeDashboard & {
  programme: { id: string; title: string; organisation: string; language: Language }
}

async function call<T>(path: string, key: string | null, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (key) headers.authorization = `Bearer ${key}`
  const response = await fetch(`/api/programmes${path}`, { ...init, headers })
  if (!response.ok) throw await apiErrorOf(response)
  return (await response.json()) as T
}

export const programmesApi = {
  create: (input: { title: string; organisation: string; language: Language }, createToken?: string) =>
    call<{ id: string; title: string; keys: { facilitator: string; viewer: string } }>(
      '',
      createToken ?? null,
      {
        method: 'POST',
        body: JSON.stringify(input),
      },
    ),
  info: (id: string, key: string) => call<ProgrammeInfo>(`/${encodeURIComponent(id)}`, key),
  addGroup: (id: string, key: string, workshopId: string, workshopKey: string) =>
    call<{ workshops: string[] }>(`/${encodeURIComponent(id)}/workshops`, key, {
      method: 'POST',
      body: JSON.stringify({ workshopId, workshopKey }),
    }),
  removeGroup: (id: string, key: string, workshopId: string) =>
    call<{ workshops: string[] }>(
      `/${encodeURIComponent(id)}/workshops/${encodeURIComponent(workshopId)}`,
      key,
      {
        method: 'DELETE',
      },
    ),
  /** The dashboard, or null when it has not changed since `etag` (the server answers 304). */
  async dashboard(
    id: string,
    key: string,
    etag: string | null,
  ): Promise<{ data: DashboardAnswer; etag: string | null } | null> {
    const headers: Record<string, string> = { authorization: `Bearer ${key}` }
    if (etag) headers['if-none-match'] = etag
    const response = await fetch(`/api/programmes/${encodeURIComponent(id)}/dashboard`, { headers })
    if (response.status === 304) return null
    if (!response.ok) throw await apiErrorOf(response)
    return { data: (await response.json()) as DashboardAnswer, etag: response.headers.get('etag') }
  },
}

const keyStore = (id: string) => `tavolo:programme:${id}`
export const rememberProgrammeKey = (id: string, key: string) => localStorage.setItem(keyStore(id), key)
export const programmeKey = (id: string) => localStorage.getItem(keyStore(id))
