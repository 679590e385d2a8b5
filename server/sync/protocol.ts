import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** y-websocket message types (the first varUint of every frame). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/** y-protocols sync sub-types. */
export const SYNC_STEP1 = 0
export const SYNC_STEP2 = 1
export const SYNC_UPDATE = 2

export type IncomingMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

export class ProtocolError extends Error {}

/** Decodes one client frame; throws ProtocolError for anything that is not a valid y-websocket message. */
export function decodeMessage(frame: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(frame)
  try {
    const messageType = decoding.readVarUint(decoder)
    let message: IncomingMessage
    switch (messageType) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SYNC_STEP1) message = { type: 'sync-step1', stateVector: payload }
        else if (syncType === SYNC_STEP2) message = { type: 'sync-step2', update: payload }
        else if (syncType === SYNC_UPDATE) message = { type: 'update', update: payload }
        else throw new ProtocolError(`unknown sync message type ${syncType}`)
        break
      }
      case MESSAGE_AWARENESS:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
        break
      case MESSAGE_QUERY_AWARENESS:
        message = { type: 'query-awareness' }
        break
      default:
        throw new ProtocolError(`unknown message type ${messageType}`)
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message')
    return message
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError('malformed message')
  }
}

function encodeSync(syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  encoding.writeVarUint(encoder, syncType)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => encodeSync(SYNC_STEP1, stateVector)
export const encodeSyncStep2 = (update: Uint8Array) => encodeSync(SYNC_STEP2, update)
export const encodeUpdate = (update: Uint8Array) => encodeSync(SYNC_UPDATE, update)

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * The client ids and clocks an awareness update speaks for (y-protocols: count, then per
 * client its id, clock and state as JSON). Throws ProtocolError when it cannot be read.
 */
export function awarenessClocks(update: Uint8Array): { clientId: number; clock: number }[] {
  const decoder = decoding.createDecoder(update)
  try {
    const count = decoding.readVarUint(decoder)
    const entries: { clientId: number; clock: number }[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      decoding.readVarString(decoder)
      entries.push({ clientId, clock })
    }
    return entries
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
}

/** y-protocols' auth message "permission denied", with a reason: the stock client logs it. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, reason)
  return encoding.toUint8Array(encoder)
}
