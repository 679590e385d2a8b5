import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { canWrite, parseRoomName, type Role, roomName, WEBSOCKET_PREFIX } from '../../shared/rooms.ts'
import { authenticate } from '../auth/keys.ts'
import type { Config } from '../config.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type { Store } from '../persistence/store.ts'
import { CloseCode } from './close-codes.ts'
import { serveConnection } from './connection.ts'
import type { Room } from './room.ts'
import type { Rooms } from './rooms.ts'

type UpgradeContext = {
  wss: WebSocketServer
  rooms: Rooms
  store: Store
  log: Logger
  metrics: Metrics
  config: Config
}

/** The room a websocket URL names, or why it names none. Never throws, whatever the path holds. */
export function resolveTarget(
  requestUrl: string | undefined,
):
  | { ok: true; workshopId: string; kind: 'content' | 'control'; key: string | null }
  | { ok: false; code: number; reason: string } {
  let url: URL
  try {
    url = new URL(requestUrl ?? '/', 'http://localhost')
  } catch {
    return { ok: false, code: CloseCode.malformed, reason: 'malformed request target' }
  }
  if (!url.pathname.startsWith(`${WEBSOCKET_PREFIX}/`))
    return { ok: false, code: CloseCode.notFound, reason: 'unknown path' }
  let name: string
  try {
    name = decodeURIComponent(url.pathname.slice(WEBSOCKET_PREFIX.length + 1))
  } catch {
    return { ok: false, code: CloseCode.malformed, reason: 'malformed percent-escape in the path' }
  }
  const address = parseRoomName(name)
  if (!address) return { ok: false, code: CloseCode.notFound, reason: 'not a workshop document' }
  return { ok: true, ...address, key: url.searchParams.get('key') }
}

/**
 * Serves websocket upgrades. The key is checked and the room loaded before the upgrade is
 * answered, so nothing the client sends can arrive before its room is ready. Whatever goes
 * wrong with one connection (bad path, unknown key, a room that cannot be loaded) closes that
 * connection with a code and a log line, never the process.
 */
export function createUpgradeHandler(ctx: UpgradeContext) {
  const { wss, rooms, store, log, metrics, config } = ctx

  type Admission =
    | { ok: true; room: Room; workshopId: string; role: Role; kind: 'content' | 'control' }
    | { ok: false; code: number; reason: string; detail?: object }

  async function admit(req: IncomingMessage): Promise<Admission> {
    const target = resolveTarget(req.url)
    if (!target.ok) return target
    const auth = await authenticate(store, target.workshopId, target.key)
    if (!auth.ok) return { ok: false, code: auth.closeCode, reason: auth.reason }
    try {
      const room = await rooms.open(roomName(target.workshopId, target.kind), target.kind)
      return { ok: true, room, workshopId: target.workshopId, role: auth.role, kind: target.kind }
    } catch (error) {
      return {
        ok: false,
        code: CloseCode.internalError,
        reason: 'the document could not be opened',
        detail: { error: String(error) },
      }
    }
  }

  function serve(ws: WebSocket, req: IncomingMessage, socket: Duplex, admission: Admission) {
    if (!admission.ok) {
      metrics.rejectedConnections.inc({ reason: admission.reason })
      log.info(
        {
          path: (req.url ?? '').slice(0, 200),
          code: admission.code,
          reason: admission.reason,
          ...admission.detail,
        },
        'websocket refused',
      )
      ws.close(admission.code, admission.reason)
      return
    }
    serveConnection(ws, {
      rooms,
      room: admission.room,
      workshopId: admission.workshopId,
      role: admission.role,
      canWrite: canWrite(admission.role, admission.kind),
      log,
      metrics,
      socket,
      rateLimitPerSecond: config.rateLimitPerSecond,
      rateLimitBurst: config.rateLimitBurst,
      maxBufferedBytes: config.maxBufferedBytes,
    })
  }

  return (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => log.debug({ error: String(error) }, 'upgrade socket error'))
    admit(req)
      .catch(
        (error): Admission => ({
          ok: false,
          code: CloseCode.internalError,
          reason: 'the key could not be checked',
          detail: { error: String(error) },
        }),
      )
      .then((admission) => {
        if (socket.destroyed) {
          if (admission.ok) rooms.letGo(admission.room)
          return
        }
        try {
          wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req, socket, admission))
        } catch (error) {
          log.warn({ error: String(error) }, 'websocket upgrade failed')
          if (admission.ok) rooms.letGo(admission.room)
          socket.destroy()
        }
      })
  }
}
