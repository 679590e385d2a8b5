/** Who a key makes you. The split of documents is the permission model (see docs/ARCHITECTURE.md). */
export type Role = 'facilitator' | 'participant' | 'viewer'

export const ROLES: readonly Role[] = ['facilitator', 'participant', 'viewer']

/** A workshop has two documents: its content, and the facilitator's controls. */
export type DocumentKind = 'content' | 'control'

export const WEBSOCKET_PREFIX = '/ws'

export type RoomAddress = { workshopId: string; kind: DocumentKind }

const WORKSHOP_ID = /^[A-Za-z0-9_-]{4,64}$/

/** Room name as the y-websocket provider sees it: `<id>` or `<id>/control`. */
export function roomName(workshopId: string, kind: DocumentKind): string {
  return kind === 'control' ? `${workshopId}/control` : workshopId
}

/** Parses a room name; undefined when it is not one of Tavolo's rooms. */
export function parseRoomName(name: string): RoomAddress | undefined {
  const [id, suffix, ...rest] = name.split('/')
  if (id === undefined || !WORKSHOP_ID.test(id) || rest.length > 0) return undefined
  if (suffix === undefined) return { workshopId: id, kind: 'content' }
  if (suffix === 'control') return { workshopId: id, kind: 'control' }
  return undefined
}

/** Whether a role may change a document; the server drops content from anyone else. */
export function canWrite(role: Role, kind: DocumentKind): boolean {
  if (kind === 'control') return role === 'facilitator'
  return role !== 'viewer'
}
