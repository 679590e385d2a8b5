import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import type { Role } from '../../shared/rooms.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import { CloseCode } from './close-codes.ts'
import { decodeMessage, encodeUpdate, ProtocolError } from './protocol.ts'
import type { Peer, Room } from './room.ts'
import type { Rooms } from './rooms.ts'

export type ConnectionOptions = {
  rooms: Rooms
  room: Room
  workshopId: string
  role: Role
  canWrite: boolean
  log: Logger
  metrics: Metrics
  /** The connection's socket under the websocket, to gather one turn's frames into one write. */
  socket: Duplex
  rateLimitPerSecond: number
  rateLimitBurst: number
  /** A peer with more unsent bytes than this is not reading: it is dropped, never buffered for. */
  maxBufferedBytes: number
}

/** A token bucket: a burst is allowed, a sustained flood is not. */
function createRateLimiter(perSecond: number, burst: number) {
  let tokens = burst
  let last = performance.now()
  return () => {
    const now = performance.now()
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond)
    last = now
    if (tokens < 1) return false
    tokens -= 1
    return true
  }
}

/** Serves one websocket on one room with the y-websocket protocol. */
export function serveConnection(ws: WebSocket, options: ConnectionOptions): void {
  const { rooms, room, log, metrics } = options
  const allow = createRateLimiter(options.rateLimitPerSecond, options.rateLimitBurst)
  let closed = false

  const peer: Peer = {
    role: options.role,
    canWrite: options.canWrite,
    send(frame) {
      if (closed || ws.readyState !== ws.OPEN) return
      // What is already waiting counts, not the frame itself: one large sync always goes out.
      if (ws.bufferedAmount > options.maxBufferedBytes) return dropSlowConsumer()
      ws.send(frame)
    },
    close: (code, reason) => reject(code, reason),
    hold: () => options.socket.cork(),
    release: () => options.socket.uncork(),
  }

  const reject = (code: number, reason: string, detail?: object) => {
    if (closed) return
    closed = true
    metrics.rejectedConnections.inc({ reason })
    log.warn({ room: room.name, code, reason, ...detail }, 'closing connection')
    ws.close(code, reason)
    rooms.leave(room, peer)
  }

  /** A close frame would queue behind what it does not read: the socket is cut instead. */
  const dropSlowConsumer = () => {
    if (closed) return
    closed = true
    metrics.rejectedConnections.inc({ reason: 'slow consumer' })
    log.warn({ room: room.name, buffered: ws.bufferedAmount }, 'dropping a connection that does not read')
    ws.terminate()
    // Not while the room is still broadcasting to its peers.
    queueMicrotask(() => rooms.leave(room, peer))
  }

  ws.on('message', (data, isBinary) => {
    if (closed) return
    if (!allow()) return reject(CloseCode.rateLimited, 'rate limit exceeded')
    if (!isBinary) return reject(CloseCode.malformed, 'text frames are not part of the protocol')
    const frame = toUint8Array(data)
    try {
      const message = decodeMessage(frame)
      switch (message.type) {
        case 'sync-step1':
          rooms
            .answerSyncStep1(room, peer, message.stateVector)
            .catch((error) =>
              reject(CloseCode.internalError, 'the document could not be read', { error: String(error) }),
            )
          break
        case 'sync-step2':
        case 'update':
          if (!peer.canWrite) {
            metrics.droppedMessages.inc({ reason: 'read_only' })
            break
          }
          rooms.receiveUpdate(
            room,
            peer,
            message.update,
            message.type === 'update' ? frame : encodeUpdate(message.update),
          )
          break
        case 'awareness':
          if (rooms.receiveAwareness(room, peer, message.update, frame) === 'forged')
            metrics.droppedMessages.inc({ reason: 'foreign_presence' })
          break
        case 'query-awareness':
          room.sendAllAwareness(peer)
          break
      }
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : 'unreadable document update'
      reject(CloseCode.malformed, reason, { error: String(error) })
    }
  })

  ws.on('error', (error) => {
    const tooBig = 'code' in error && error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
    if (tooBig) reject(CloseCode.tooBig, 'message too big')
    else log.warn({ room: room.name, error: String(error) }, 'websocket error')
  })

  ws.on('close', () => {
    metrics.connections.dec()
    if (closed) return
    closed = true
    rooms.leave(room, peer)
  })

  metrics.connections.inc()
  room.join(peer)
}

function toUint8Array(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data as ArrayBuffer)
}
