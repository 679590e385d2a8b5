import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** A stock y-websocket provider, as a browser would use it, in node. */
export function connectProvider(wsBase: string, room: string, key: string, doc = new Y.Doc()) {
  const provider = new WebsocketProvider(wsBase, room, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  return { doc, provider }
}

export function whenSynced(provider: WebsocketProvider, timeoutMs = 5000): Promise<void> {
  if (provider.synced) return Promise.resolve()
  // Made here, so a timeout names the test line that waited.
  const timeout = new Error('provider did not sync')
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(timeout), timeoutMs)
    provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** A raw websocket, for sending frames no stock client would send. */
export function rawSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url)
  socket.binaryType = 'nodebuffer'
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

export function closeOf(socket: WebSocket, timeoutMs = 5000): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('socket was not closed')), timeoutMs)
    socket.once('close', (code, reason) => {
      clearTimeout(timer)
      resolve({ code, reason: reason.toString() })
    })
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Retries an assertion until it passes or `timeoutMs` is over (then its last error is thrown). */
export async function eventually(assertion: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await assertion()
      return
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(25)
    }
  }
}
