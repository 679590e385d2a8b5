import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { ROLES, type Role } from '../shared/rooms.ts'
import type { Store } from './persistence/store.ts'

export function newWorkshopId(): string {
  return randomBytes(9).toString('base64url')
}

/** Keys are 192 random bits, so a plain SHA-256 is enough to store them safely. */
export function newKey(): string {
  return randomBytes(24).toString('base64url')
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex')
}

export type AuthResult =
  | { ok: true; role: Role }
  | { ok: false; status: 401 | 403 | 404; closeCode: 4401 | 4403 | 4404; reason: string }

/** Maps a key to a role on one workshop. Checked on every connection and request. */
export function authenticate(store: Store, workshopId: string, key: string | null | undefined): AuthResult {
  const workshop = store.getWorkshop(workshopId)
  if (!workshop) return { ok: false, status: 404, closeCode: 4404, reason: 'unknown workshop' }
  if (!key) return { ok: false, status: 401, closeCode: 4401, reason: 'missing key' }
  const offered = Buffer.from(hashKey(key), 'hex')
  for (const role of ROLES) {
    if (timingSafeEqual(offered, Buffer.from(workshop.keyHashes[role], 'hex'))) return { ok: true, role }
  }
  return { ok: false, status: 403, closeCode: 4403, reason: 'wrong key for this workshop' }
}
