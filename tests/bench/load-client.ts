import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/**
 * A minimal y-websocket client (one Y.Doc, the sync protocol, no awareness or provider
 * machinery), so a thousand of them fit in one load-generator process.
 */
export class LoadClient {
  readonly doc = new Y.Doc()
  readonly socket: WebSocket
  syncedAt: number | undefined
  openTime: number | undefined
  readonly openedAt: Promise<number>
  closedUnexpectedly: number | undefined
  private stopping = false

  constructor(url: string) {
    this.socket = new WebSocket(url)
    this.socket.binaryType = 'nodebuffer'
    this.openedAt = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve(performance.now()))
      this.socket.once('error', reject)
    })
    this.socket.on('open', () => {
      this.openTime = performance.now()
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 0)
      syncProtocol.writeSyncStep1(encoder, this.doc)
      this.socket.send(encoding.toUint8Array(encoder))
    })
    this.socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data)))
    this.socket.on('close', (code) => {
      if (!this.stopping) this.closedUnexpectedly = code
    })
  }

  /**
   * Runs a local change and sends exactly its update. The 'update' listener is attached only
   * around local changes: a permanent one would make Yjs encode every remote update too.
   */
  write(change: () => void): void {
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => {
      update = u
    }
    this.doc.on('update', capture)
    try {
      this.doc.transact(change)
    } finally {
      this.doc.off('update', capture)
    }
    if (!update || this.socket.readyState !== WebSocket.OPEN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)
    this.socket.send(encoding.toUint8Array(encoder))
  }

  private receive(frame: Uint8Array) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this)
    if (type === syncProtocol.messageYjsSyncStep2 && this.syncedAt === undefined)
      this.syncedAt = performance.now()
    if (encoding.length(encoder) > 1) this.socket.send(encoding.toUint8Array(encoder))
  }

  close() {
    this.stopping = true
    this.socket.close()
  }
}
