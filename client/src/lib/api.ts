import type { Language } from '../../../shared/i18n-language.ts'
import type { Role } from '../../../shared/rooms.ts'
import { browserId } from './local-memory.ts'

export type Keys = Record<Role, string>
export type CreatedWorkshop = { id: string; title: string; keys: Keys }
export type WorkshopInfo = {
  id: string
  title: string
  organisation: string
  language: Language
  role: Role
  /** Only for the facilitator: every key, to share the links. */
  keys?: Keys
}

/** An API error with the server's own explanation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** From Retry-After, when the server said how long to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
  }
}

/** The error of a failed answer, with the server's explanation and any Retry-After. */
export async function apiErrorOf(response: Response, body?: unknown): Promise<ApiError> {
  const parsed = body ?? (await response.json().catch(() => ({})))
  const wait = Number(response.headers.get('retry-after'))
  return new ApiError(
    response.status,
    (parsed as { error?: string }).error ?? response.statusText,
    Number.isFinite(wait) && wait > 0 ? wait : null,
  )
}

async function parse<T>(response: Response): Promise<T> {
  if (!response.ok) throw await apiErrorOf(response)
  return (await response.json().catch(() => ({}))) as T
}

export async function createWorkshop(
  input: {
    title?: string
    organisation?: string
    language: Language
    demo?: boolean
    kind?: 'improvement' | 'vision'
  },
  createToken?: string,
): Promise<CreatedWorkshop> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (createToken) headers.authorization = `Bearer ${createToken}`
  return parse(await fetch('/api/workshops', { method: 'POST', headers, body: JSON.stringify(input) }))
}

export async function fetchWorkshop(id: string, key: string): Promise<WorkshopInfo> {
  return parse(
    await fetch(`/api/workshops/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${key}` } }),
  )
}

/** Registers a participant (participant key) and returns their personal token. */
export async function registerParticipant(
  workshopId: string,
  key: string,
  person: { name: string; unitId: string | null },
): Promise<{ id: string; token: string }> {
  return parse(
    await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ ...person, browserId: browserId() }),
    }),
  )
}

/** Creates a workshop from a JSON export; the server checks the whole file first. */
export async function importWorkshop(file: unknown, createToken?: string): Promise<CreatedWorkshop> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (createToken) headers.authorization = `Bearer ${createToken}`
  return parse(await fetch('/api/workshops/import', { method: 'POST', headers, body: JSON.stringify(file) }))
}

/** The facilitator replaces the participant and/or viewer key; answers every key, new ones included. */
export async function replaceKeys(
  workshopId: string,
  facilitatorKey: string,
  rotate: ('participant' | 'viewer')[],
): Promise<{ keys: Keys }> {
  return parse(
    await fetch(`/api/workshops/${encodeURIComponent(workshopId)}/keys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${facilitatorKey}` },
      body: JSON.stringify({ rotate }),
    }),
  )
}
