import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto'
import { ROLES, type Role } from '../../shared/rooms.ts'
import type { Store } from '../persistence/store.ts'

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
export async function authenticate(
  store: Store,
  workshopId: string,
  key: string | null | undefined,
): Promise<AuthResult> {
  const workshop = await store.getWorkshop(workshopId)
  if (!workshop) return { ok: false, status: 404, closeCode: 4404, reason: 'unknown workshop' }
  if (!key) return { ok: false, status: 401, closeCode: 4401, reason: 'missing key' }
  const offered = Buffer.from(hashKey(key), 'hex')
  for (const role of ROLES) {
    if (timingSafeEqual(offered, Buffer.from(workshop.keyHashes[role], 'hex'))) return { ok: true, role }
  }
  return { ok: false, status: 403, closeCode: 4403, reason: 'wrong key for this workshop' }
}

/**
 * The participant and viewer keys, sealed with the facilitator key (AES-256-GCM), so the
 * facilitator can get the share links again from any browser while the server keeps no key
 * it could read.
 */
export function sealKeys(facilitatorKey: string, keys: { participant: string; viewer: string }): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealingKey(facilitatorKey), iv)
  const body = Buffer.concat([cipher.update(JSON.stringify(keys), 'utf8'), cipher.final()])
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')
}

export function openSealedKeys(
  facilitatorKey: string,
  sealed: string,
): { participant: string; viewer: string } {
  const raw = Buffer.from(sealed, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', sealingKey(facilitatorKey), raw.subarray(0, 12))
  decipher.setAuthTag(raw.subarray(12, 28))
  return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'))
}

function sealingKey(facilitatorKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', facilitatorKey, 'tavolo', 'share-links', 32))
}
