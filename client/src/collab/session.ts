import * as decoding from 'lib0/decoding'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { canWrite, type Role, roomName, WEBSOCKET_PREFIX } from '../../../shared/rooms.ts'
import { contentRoots } from '../../../shared/schema/content.ts'
import { isDiscreteStep, LOCAL_ORIGIN } from '../../../shared/schema/origin.ts'

export type ConnectionState = 'connected' | 'syncing' | 'offline'

/** Why the server refused us, from its 44xx close codes; such a session stops reconnecting. */
export type AccessProblem = 'missing-key' | 'wrong-key' | 'not-found' | 'key-replaced'

const ACCESS_CLOSE_CODES: Record<number, AccessProblem> = {
  4401: 'missing-key',
  4403: 'wrong-key',
  4404: 'not-found',
  4410: 'key-replaced',
}

type Listener = () => void

export type Refusal = { reasons: string[]; at: number }

const MESSAGE_AUTH = 2

/**
 * Everything one browser holds for one open workshop: the content and control documents,
 * their websocket providers and local IndexedDB copies, the undo manager, and a truthful
 * connection state.
 */
export class WorkshopSession {
  readonly content = new Y.Doc()
  readonly control = new Y.Doc()
  readonly contentProvider: WebsocketProvider
  readonly controlProvider: WebsocketProvider
  readonly undoManager: Y.UndoManager
  /** The key cannot write content (a viewer). */
  readonly keyReadOnly: boolean
  private stepLocked = false
  private readonly localCopies: IndexeddbPersistence[]
  private readonly listeners = new Set<Listener>()
  private accessProblem: AccessProblem | undefined
  private state: ConnectionState = 'syncing'
  private loaded = false
  private lastRefusal: Refusal | null = null

  constructor(
    readonly workshopId: string,
    readonly key: string,
    readonly role: Role,
    /** Every key of the workshop, known only to the facilitator: the share links (replaceable). */
    public shareKeys: Record<Role, string> | null = null,
    /**
     * A saved version to show read-only: its documents stay in this browser (no connection, no
     * local copy), so nothing done on screen can reach the live board.
     */
    readonly preview: { content: Uint8Array; control: Uint8Array } | null = null,
  ) {
    this.keyReadOnly = preview !== null || !canWrite(role, 'content')
    if (preview) {
      Y.applyUpdate(this.content, preview.content)
      Y.applyUpdate(this.control, preview.control)
    }
    const serverUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WEBSOCKET_PREFIX}`
    const options = { params: { key }, connect: !preview && navigator.onLine }
    this.contentProvider = new WebsocketProvider(
      serverUrl,
      roomName(workshopId, 'content'),
      this.content,
      options,
    )
    this.controlProvider = new WebsocketProvider(
      serverUrl,
      roomName(workshopId, 'control'),
      this.control,
      options,
    )
    this.localCopies = preview
      ? []
      : [
          new IndexeddbPersistence(`tavolo:${workshopId}:content`, this.content),
          new IndexeddbPersistence(`tavolo:${workshopId}:control`, this.control),
        ]
    // A discrete action (add, move, remove) is always its own undo step: this handler runs
    // before the undo manager's (registered first) and closes the step typing may have open,
    // and the step after it starts fresh too.
    let discrete = false
    this.content.on('afterTransaction', (transaction) => {
      discrete = transaction.local && isDiscreteStep(transaction)
      if (discrete) this.undoManager.stopCapturing()
    })
    this.undoManager = new Y.UndoManager(contentRoots(this.content), {
      trackedOrigins: new Set([LOCAL_ORIGIN]),
      captureTimeout: 600,
    })
    this.undoManager.on('stack-item-added', () => {
      if (discrete) this.undoManager.stopCapturing()
    })
    for (const provider of [this.contentProvider, this.controlProvider]) {
      // The server refused a write (a locked step, the board's shape): it has already undone it
      // everywhere; here we keep its reason to say so (y-protocols' auth message).
      ;(provider as unknown as { messageHandlers: unknown[] }).messageHandlers[MESSAGE_AUTH] = (
        _encoder: unknown,
        decoder: decoding.Decoder,
      ) => {
        if (decoding.readVarUint(decoder) !== 0) return
        this.lastRefusal = { reasons: decoding.readVarString(decoder).split(' '), at: Date.now() }
        this.notify()
      }
      provider.on('status', this.updateState)
      provider.on('sync', this.updateState)
      provider.on('connection-close', (event) => {
        const problem = event ? ACCESS_CLOSE_CODES[event.code] : undefined
        if (problem) {
          this.accessProblem = problem
          this.contentProvider.disconnect()
          this.controlProvider.disconnect()
          this.notify()
        }
      })
    }
    if (preview) {
      this.loaded = true
      return
    }
    this.content.on('update', this.checkLoaded)
    this.contentProvider.on('sync', this.checkLoaded)
    window.addEventListener('online', this.goOnline)
    window.addEventListener('offline', this.goOffline)
    this.updateState()
  }

  /**
   * Whether this person may edit what is on screen: not with a viewer key, and not a step the
   * facilitator locked (the step view remounts when that changes, so every control re-reads it).
   */
  get readOnly(): boolean {
    return this.keyReadOnly || this.stepLocked
  }

  setStepLocked(locked: boolean): void {
    this.stepLocked = locked && this.role !== 'facilitator'
  }

  /**
   * The board can render once the seeded document arrived from the local copy, or once the
   * server has synced it, whatever it holds (a bad write may have removed the title: the
   * board then reads what is there instead of waiting for ever).
   */
  private checkLoaded = () => {
    if (this.loaded) return
    if (!this.content.getMap('meta').has('title') && !this.contentProvider.synced) return
    this.loaded = true
    this.content.off('update', this.checkLoaded)
    this.notify()
  }

  get isLoaded(): boolean {
    return this.loaded
  }

  /** A browser that knows it is offline does not wait for a socket timeout to say so. */
  private goOffline = () => {
    this.contentProvider.disconnect()
    this.controlProvider.disconnect()
    this.updateState()
  }

  private goOnline = () => {
    if (this.accessProblem) return
    this.contentProvider.connect()
    this.controlProvider.connect()
    this.updateState()
  }

  private updateState = () => {
    const providers = [this.contentProvider, this.controlProvider]
    const next: ConnectionState = providers.every((p) => p.wsconnected && p.synced)
      ? 'connected'
      : providers.every((p) => p.wsconnected)
        ? 'syncing'
        : 'offline'
    if (next !== this.state) {
      this.state = next
      this.notify()
    }
  }

  get connectionState(): ConnectionState {
    return this.state
  }

  /** The last write the server refused, with its reasons (`locked:meeting1`, `shape:...`). */
  get refusal(): Refusal | null {
    return this.lastRefusal
  }

  get problem(): AccessProblem | undefined {
    return this.accessProblem
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private notify() {
    for (const listener of this.listeners) listener()
  }

  destroy(): void {
    window.removeEventListener('online', this.goOnline)
    window.removeEventListener('offline', this.goOffline)
    this.undoManager.destroy()
    this.contentProvider.destroy()
    this.controlProvider.destroy()
    for (const copy of this.localCopies) void copy.destroy()
    this.content.destroy()
    this.control.destroy()
  }
}
