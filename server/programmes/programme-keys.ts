import { openSealedKeys, sealKeys } from '../auth/keys.ts'

/** The viewer key sealed with the facilitator key, as a workshop's share links are. */
export const sealViewerKey = (facilitatorKey: string, viewer: string) =>
  sealKeys(facilitatorKey, { participant: '', viewer })

export const openSealedViewerKey = (facilitatorKey: string, sealed: string) =>
  openSealedKeys(facilitatorKey, sealed).viewer
