import * as Y from 'yjs'
import { type DocumentKind, type Role, roomName } from '../../shared/rooms.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import { type PendingUpdate, StorageUnavailableError, type Store } from '../persistence/store.ts'
import { CloseCode } from './close-codes.ts'
import { encodePermissionDenied, encodeUpdate } from './protocol.ts'
import { type Peer, Room } from './room.ts'
import { WriteGuard } from './write-guard.ts'

const SERVER_ORIGIN = Symbol('tavolo-server')
/** The sender of server-made updates: not a connection, so every peer receives them. */
const SERVER_PEER: Peer = { role: 'server', canWrite: true, send: () => {}, close: () => {} }

type QueuedUpdate = PendingUpdate & { frame: Uint8Array; origin: Peer; room: string; queuedAt: number }

export type RoomsOptions = {
  store: Store
  log: Logger
  metrics: Metrics
  compactAfterUpdates: number
  roomIdleMs: number
  /** Runs once when a room is loaded from the store (e.g. document migrations). */
  onLoad?: (room: Room) => void
  /**
   * The write rules of content rooms: what is wrong with a peer's transaction once applied
   * (empty: allowed). A refused transaction is reverted before anyone receives it.
   */
  checkWrite?: (room: Room, peer: Peer, transaction: Y.Transaction) => readonly Refusal[]
  /** Runs after each group commit with the rooms it changed (e.g. to keep versions of busy workshops). */
  onCommitted?: (rooms: ReadonlySet<Room>) => void
}

/** A write rule a transaction broke: `rule` for metrics, `reason` a code the client puts in words. */
export type Refusal = { rule: string; reason: string }

/** An update that carries nothing: Yjs encodes "no structs, empty delete set" as [0, 0]. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

/**
 * Keeps rooms in memory and owns the durability rule: a document update is committed
 * to the store before any other peer can receive it. Updates that arrive in one turn of the
 * event loop are committed in one transaction (group commit), then broadcast.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private queue: QueuedUpdate[] = []
  private flushScheduled = false
  private closed = false
  /** The last refusal of the store, until a write succeeds again (health answers 503 meanwhile). */
  private storageFailure: StorageUnavailableError | null = null

  constructor(private readonly options: RoomsOptions) {}

  /** Null when the store writes; else why not. Probes the store so that health recovers by itself. */
  storageProblem(): string | null {
    if (!this.storageFailure) return null
    try {
      this.options.store.probeWrite()
      this.storageRecovered()
      return null
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      this.storageFailure = error
      return error.message
    }
  }

  private storageRecovered(): void {
    if (!this.storageFailure) return
    this.storageFailure = null
    this.options.metrics.storageWritable.set(1)
    this.options.log.warn('storage writes again')
  }

  get size(): number {
    return this.rooms.size
  }

  /** The room in memory, loaded from the store first if needed. Throws if it cannot be loaded. */
  open(name: string, kind: DocumentKind): Room {
    let room = this.rooms.get(name)
    if (!room) {
      room = new Room(name, kind, this.options.store.loadDocument(name))
      try {
        this.options.onLoad?.(room)
      } catch (error) {
        room.destroy()
        throw error
      }
      this.rooms.set(name, room)
      this.options.metrics.roomsInMemory.set(this.rooms.size)
    }
    return room
  }

  /** Reads a room's document for the HTTP API (exports); a room nobody is in is let go after. */
  read<T>(name: string, kind: DocumentKind, read: (doc: Y.Doc) => T): T {
    if (this.queue.length > 0) this.flush()
    const room = this.open(name, kind)
    try {
      return read(room.doc)
    } finally {
      if (room.peers.size === 0) this.scheduleEviction(room)
    }
  }

  /**
   * Applies a peer's document update to the room (which also validates it), queues it for the
   * group commit and schedules the commit. Throws if Yjs cannot read the update.
   */
  receiveUpdate(room: Room, peer: Peer, update: Uint8Array, frame: Uint8Array): void {
    if (this.closed || isEmptyUpdate(update)) return
    const check = room.kind === 'content' ? this.options.checkWrite : undefined
    if (!check) {
      Y.applyUpdate(room.doc, update, peer)
      this.enqueue({ room: room.name, update, frame, origin: peer, queuedAt: performance.now() })
      return
    }
    room.guard ??= new WriteGuard(room.doc)
    const refusals = room.guard.apply(update, peer, (transaction) => {
      try {
        return check(room, peer, transaction)
      } catch (error) {
        // A rule that fails must not let an unchecked change through: it is refused.
        this.options.log.error({ room: room.name, error: String(error) }, 'write rule failed')
        return [{ rule: 'error', reason: 'shape:unchecked' }]
      }
    })
    if (refusals.length === 0) {
      this.enqueue({ room: room.name, update, frame, origin: peer, queuedAt: performance.now() })
      return
    }
    // Refused: the change and its undoing travel as one update, stored and sent to everyone,
    // the writer included, so every screen (and the store) ends where it was.
    const compensation = room.guard.revert()
    const net = compensation ? Y.mergeUpdates([update, compensation]) : update
    this.enqueue({
      room: room.name,
      update: net,
      frame: encodeUpdate(net),
      origin: SERVER_PEER,
      queuedAt: performance.now(),
    })
    const reasons = [...new Set(refusals.map((r) => r.reason))]
    for (const rule of new Set(refusals.map((r) => r.rule))) this.options.metrics.refusedWrites.inc({ rule })
    this.options.log.warn({ room: room.name, role: peer.role, reasons }, 'write refused')
    peer.send(encodePermissionDenied(reasons.join(' ')))
  }

  private enqueue(item: QueuedUpdate): void {
    this.queue.push(item)
    this.options.metrics.updatesReceived.inc()
    if (!this.flushScheduled) {
      this.flushScheduled = true
      setImmediate(this.flush)
    }
  }

  /**
   * A change the server itself makes (e.g. publishing survey results into the control
   * document): committed, then sent to everyone in the room, like any client's update.
   */
  applyServerChange(name: string, kind: DocumentKind, change: (doc: Y.Doc) => void): void {
    if (this.closed) return
    const room = this.open(name, kind)
    let update: Uint8Array | null = null
    const capture = (u: Uint8Array) => {
      update = u
    }
    room.doc.on('update', capture)
    try {
      room.doc.transact(() => change(room.doc), SERVER_ORIGIN)
    } finally {
      room.doc.off('update', capture)
    }
    if (update) {
      this.queue.push({
        room: name,
        update,
        frame: encodeUpdate(update),
        origin: SERVER_PEER,
        queuedAt: performance.now(),
      })
      this.flush()
      if (room.discarded) throw this.storageFailure ?? new StorageUnavailableError('not stored')
    }
    if (room.peers.size === 0) this.scheduleEviction(room)
  }

  /** Answers a sync step 1: commits first, so no one is sent state that is not yet stored. */
  answerSyncStep1(room: Room, peer: Peer, stateVector: Uint8Array): void {
    if (this.queue.length > 0) this.flush()
    if (room.discarded) return
    room.answerSyncStep1(peer, stateVector)
  }

  /**
   * Commits the queue in one transaction, then broadcasts it. If the store refuses, nothing of
   * the batch was stored, yet the rooms in memory already hold it: those rooms are discarded
   * (their peers are closed with 1011 and reconnect to a copy loaded from the store, and the
   * writers' clients send their changes again), so nobody is ever sent what was not stored.
   */
  readonly flush = (): void => {
    this.flushScheduled = false
    const batch = this.queue
    if (batch.length === 0) return
    this.queue = []
    try {
      this.options.store.appendUpdates(batch)
    } catch (error) {
      this.commitFailed(batch, error)
      return
    }
    this.storageRecovered()
    const committedAt = performance.now()
    const { metrics } = this.options
    metrics.updatesPersisted.inc(batch.length)
    const touched = new Set<Room>()
    // A busy room's batch holds several updates: each peer gets them in one write.
    const held = new Set<Peer>()
    try {
      for (const item of batch) {
        metrics.persistLatency.observe((committedAt - item.queuedAt) / 1000)
        const room = this.rooms.get(item.room)
        if (!room) continue
        room.updatesSinceSnapshot++
        touched.add(room)
        room.broadcast(item.frame, item.origin, held)
      }
    } finally {
      for (const peer of held) peer.release?.()
    }
    for (const room of touched) {
      if (room.updatesSinceSnapshot >= this.options.compactAfterUpdates) this.compact(room)
    }
    this.options.onCommitted?.(touched)
  }

  private commitFailed(batch: readonly QueuedUpdate[], error: unknown): void {
    const failure = error instanceof StorageUnavailableError ? error : new StorageUnavailableError(error)
    if (!this.storageFailure) this.options.log.error({ error: failure.message }, 'storage refused a commit')
    this.storageFailure = failure
    const { metrics } = this.options
    metrics.storageWritable.set(0)
    metrics.failedCommits.inc()
    metrics.updatesNotStored.inc(batch.length)
    for (const name of new Set(batch.map((item) => item.room))) {
      const room = this.rooms.get(name)
      if (room) this.discard(room)
    }
  }

  /**
   * Forgets a room (its memory holds unstored changes, or its workshop was deleted) without
   * writing it again, closing its peers (by default so that they resync).
   */
  private discard(
    room: Room,
    code: number = CloseCode.internalError,
    reason = 'the change could not be stored: reconnect',
  ): void {
    room.discarded = true
    this.rooms.delete(room.name)
    this.options.metrics.roomsInMemory.set(this.rooms.size)
    for (const peer of [...room.peers.keys()]) peer.close(code, reason)
    room.destroy()
  }

  /** Writes a room's snapshot; a store that cannot write leaves the update log as it is. */
  compact(room: Room): void {
    if (this.queue.length > 0) this.flush()
    if (room.updatesSinceSnapshot === 0 || room.discarded) return
    try {
      this.options.store.compact(room.name, room.snapshot())
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error
      this.options.log.warn({ room: room.name, error: error.message }, 'compaction postponed')
      return
    }
    room.updatesSinceSnapshot = 0
    this.options.metrics.compactions.inc()
  }

  /** Called when a peer leaves: an empty room is compacted now and evicted once idle. */
  leave(room: Room, peer: Peer): void {
    if (this.closed || room.discarded) return
    room.leave(peer)
    if (room.peers.size > 0) return
    this.scheduleEviction(room)
  }

  private scheduleEviction(room: Room): void {
    if (room.discarded) return
    this.compact(room)
    if (room.idleTimer) clearTimeout(room.idleTimer)
    const evict = () => {
      if (room.peers.size > 0 || this.rooms.get(room.name) !== room) return
      this.compact(room)
      room.destroy()
      this.rooms.delete(room.name)
      this.options.metrics.roomsInMemory.set(this.rooms.size)
      this.options.log.debug({ room: room.name }, 'room evicted')
      // The write rules may have loaded the workshop's control document for this one.
      const twin = room.kind === 'content' ? this.rooms.get(roomName(room.name, 'control')) : undefined
      if (twin && twin.peers.size === 0) this.scheduleEviction(twin)
    }
    if (this.options.roomIdleMs === 0) evict()
    else room.idleTimer = setTimeout(evict, this.options.roomIdleMs)
  }

  /** The names people connected to a room show in presence (none when the room is not in memory). */
  presentNames(name: string): string[] {
    const names = new Set<string>()
    for (const state of this.rooms.get(name)?.awareness.getStates().values() ?? []) {
      if (typeof state.name === 'string' && state.name.trim()) names.add(state.name.trim().slice(0, 100))
    }
    return [...names].sort((a, b) => a.localeCompare(b))
  }

  /**
   * Drops a deleted workshop's rooms from memory without writing them again, closing their
   * peers with `code`.
   */
  forget(workshopId: string, code: number, reason: string): void {
    this.flush()
    for (const kind of ['content', 'control'] as const) {
      const room = this.rooms.get(roomName(workshopId, kind))
      if (room) this.discard(room, code, reason)
    }
  }

  /** Closes the connections of some roles on a workshop's documents (e.g. after their key changed). */
  closePeers(workshopId: string, roles: readonly Role[], code: number, reason: string): void {
    for (const kind of ['content', 'control'] as const) {
      const room = this.rooms.get(roomName(workshopId, kind))
      for (const peer of [...(room?.peers.keys() ?? [])]) {
        if (roles.includes(peer.role as Role)) peer.close(code, reason)
      }
    }
  }

  /** Commits what is queued and compacts every room; used on graceful shutdown. */
  closeAll(): void {
    this.flush()
    this.closed = true
    for (const room of this.rooms.values()) {
      this.compact(room)
      room.destroy()
    }
    this.rooms.clear()
    this.options.metrics.roomsInMemory.set(0)
  }
}
