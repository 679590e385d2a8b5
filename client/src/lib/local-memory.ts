import type { Role } from '../../../shared/rooms.ts'

/** What this browser remembers between visits. Never shared content: that lives in Yjs. */
export type KnownWorkshop = { id: string; title: string; role: Role; key: string; lastOpened: number }
export type Identity = {
  name: string
  unitId: string | null
  /** The participant record on the board (Setup list) this person is. */
  participantId: string | null
  colour: string
  /** The personal token the server gave at registration (participants only; null until registered). */
  token?: string | null
}

const WORKSHOPS = 'tavolo:workshops'
const identityKey = (workshopId: string) => `tavolo:identity:${workshopId}`

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key)
    return raw ? (JSON.parse(raw) as T) : fallback
  } catch {
    return fallback
  }
}

export function knownWorkshops(): KnownWorkshop[] {
  const list = read<KnownWorkshop[]>(WORKSHOPS, [])
  return Array.isArray(list) ? [...list].sort((a, b) => b.lastOpened - a.lastOpened) : []
}

/** Remembers a workshop; a stronger key (facilitator over participant over viewer) is kept. */
export function rememberWorkshop(entry: Omit<KnownWorkshop, 'lastOpened'>): void {
  const rank: Record<Role, number> = { facilitator: 0, participant: 1, viewer: 2 }
  const others = knownWorkshops().filter((w) => w.id !== entry.id)
  const existing = knownWorkshops().find((w) => w.id === entry.id)
  const keep =
    existing && rank[existing.role] < rank[entry.role] ? { ...existing, title: entry.title } : entry
  localStorage.setItem(WORKSHOPS, JSON.stringify([{ ...keep, lastOpened: Date.now() }, ...others]))
}

export function forgetWorkshop(id: string): void {
  localStorage.setItem(WORKSHOPS, JSON.stringify(knownWorkshops().filter((w) => w.id !== id)))
}

export function loadIdentity(workshopId: string): Identity | null {
  return read<Identity | null>(identityKey(workshopId), null)
}

export function saveIdentity(workshopId: string, identity: Identity): void {
  localStorage.setItem(identityKey(workshopId), JSON.stringify(identity))
}

const COLOURS = ['#2563eb', '#dc2626', '#059669', '#d97706', '#7c3aed', '#db2777', '#0891b2', '#4d7c0f']

export function colourFor(seed: string): string {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return COLOURS[hash % COLOURS.length]!
}

const tabKey = (workshopId: string) => `tavolo:tab-key:${workshopId}`

/**
 * The key this tab opened the workshop with, kept per tab (sessionStorage) so that the address
 * bar can drop it and a reload still opens the same role.
 */
export function rememberTabKey(workshopId: string, key: string): void {
  try {
    sessionStorage.setItem(tabKey(workshopId), key)
  } catch {}
}

export function tabKeyOf(workshopId: string): string | null {
  try {
    return sessionStorage.getItem(tabKey(workshopId))
  } catch {
    return null
  }
}

const BROWSER_ID = 'tavolo:browser-id'

/** A random id this browser keeps, sent when registering so duplicates can be told apart. */
export function browserId(): string | undefined {
  try {
    let id = localStorage.getItem(BROWSER_ID)
    if (!id) {
      id = crypto.randomUUID()
      localStorage.setItem(BROWSER_ID, id)
    }
    return id
  } catch {
    return undefined
  }
}
