import * as Y from 'yjs'
import { type DocumentKind, type Role, roomName } from '../../shared/rooms.ts'
import type { Fanout, FanoutMessage } from '../fanout/fanout.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import { type PendingUpdate, StorageUnavailableError, type Store } from '../persistence/store.ts'
import { CloseCode } from './close-codes.ts'
import { encodePermissionDenied, encodeUpdate } from './protocol.ts'
import { type Peer, Room } from './room.ts'
import { WriteGuard } from './write-guard.ts'

const SERVER_ORIGIN = Symbol('tavolo-server')
/** Updates another node committed and relayed: applied and sent on, never stored again. */
const FANOUT_ORIGIN = Symbol('tavolo-fanout')
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
  onLoad?: (room: Room) => void | Promise<void>
  /**
   * The write rules of content rooms: what is wrong with a peer's transaction once applied
   * (empty: allowed). A refused transaction is reverted before anyone receives it.
   */
  checkWrite?: (room: Room, peer: Peer, transaction: Y.Transaction) => readonly Refusal[]
  /** Runs after each group commit with the rooms it changed (e.g. to keep versions of busy workshops). */
  onCommitted?: (rooms: ReadonlySet<Room>) => void
  /** The other nodes of a cluster: what this one commits is sent to them, what they commit arrives. */
  fanout?: Fanout | undefined
}

/** A write rule a transaction broke: `rule` for metrics, `reason` a code the client puts in words. */
export type Refusal = { rule: string; reason: string }

/** The rooms with more than one update in a batch. */
function roomsWithSeveral(batch: readonly QueuedUpdate[]): Set<string> {
  const seen = new Set<string>()
  const several = new Set<string>()
  for (const { room } of batch) {
    if (seen.has(room)) several.add(room)
    else seen.add(room)
  }
  return several
}

/** An update that carries nothing: Yjs encodes "no structs, empty delete set" as [0, 0]. */
const isEmptyUpdate = (update: Uint8Array) => update.length === 2 && update[0] === 0 && update[1] === 0

/**
 * Keeps rooms in memory and owns the durability rule: a document update is committed
 * to the store before any other peer can receive it. Updates are committed in groups (at once,
 * but a room's further updates in the same turn of the event loop together at its end, and what
 * arrives while a commit is in flight with the next one), then broadcast.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>()
  /** Rooms being read from the store: a second connection waits for the same load. */
  private readonly loading = new Map<string, Promise<Room>>()
  /** What other nodes sent for a room while it was being read from the store. */
  private readonly arrivedWhileLoading = new Map<string, FanoutMessage[]>()
  private queue: QueuedUpdate[] = []
  /** When the queue is committed next: right after this callback, or at the turn's end. */
  private commitScheduled: 'now' | 'turn-end' | null = null
  /** The rooms this turn of the event loop committed an update of at once (see enqueue). */
  private readonly roomsCommittedThisTurn = new Set<string>()
  /** The store's writes for the rooms (group commits, compactions), one after the other. */
  private writes: Promise<void> = Promise.resolve()
  /** A group commit chained after the writes in flight and not started yet: it takes the queue. */
  private nextCommit: Promise<void> | null = null
  private closed = false
  /** The last refusal of the store, until a write succeeds again (health answers 503 meanwhile). */
  private storageFailure: StorageUnavailableError | null = null

  constructor(private readonly options: RoomsOptions) {
    options.fanout?.listen({
      receive: (message) => this.receiveRemote(message),
      gap: () => void this.catchUp(),
    })
  }

  /**
   * Null when the store writes; else why not. Probes the store after a failure, so that health
   * recovers by itself, and every time when `always`.
   */
  async storageProblem(always = false): Promise<string | null> {
    if (!this.storageFailure && !always) return null
    try {
      await this.options.store.probeWrite()
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

  /**
   * The room in memory, loaded from the store first if needed; a content room comes with its
   * control room, which its write rules read. Rejects if it cannot be loaded.
   */
  async open(name: string, kind: DocumentKind): Promise<Room> {
    const room = this.rooms.get(name) ?? (await this.load(name, kind))
    if (kind === 'content') {
      const control = roomName(name, 'control')
      if (!this.rooms.has(control)) await this.load(control, 'control')
    }
    return room
  }

  /** A room that is in memory now, if it is. */
  loaded(name: string): Room | undefined {
    return this.rooms.get(name)
  }

  private load(name: string, kind: DocumentKind): Promise<Room> {
    let loading = this.loading.get(name)
    if (!loading) {
      this.arrivedWhileLoading.set(name, [])
      loading = (async () => {
        // What is queued or being written (e.g. by a room just evicted) is read back too.
        await this.flush()
        const room = new Room(name, kind, await this.options.store.loadDocument(name))
        try {
          await this.options.onLoad?.(room)
        } catch (error) {
          room.destroy()
          throw error
        }
        if (this.closed) {
          room.destroy()
          throw new Error('the server is shutting down')
        }
        // Committed elsewhere while we read and prepared the room: maybe in what we read, maybe
        // not; applying is idempotent. In the same turn as the room becomes known, so none slips by.
        for (const message of this.arrivedWhileLoading.get(name) ?? []) this.applyRemote(room, message)
        this.rooms.set(name, room)
        this.options.metrics.roomsInMemory.set(this.rooms.size)
        // People already in this room on other nodes: their presence is sent again for us.
        this.options.fanout?.publish([{ room: name, kind: 'presence-query', data: new Uint8Array() }])
        return room
      })().finally(() => {
        this.loading.delete(name)
        this.arrivedWhileLoading.delete(name)
      })
      this.loading.set(name, loading)
    }
    return loading
  }

  /**
   * Reads a room's document for the HTTP API (exports): resolves once all it read is stored.
   * A room nobody is in is let go after.
   */
  async read<T>(name: string, kind: DocumentKind, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.open(name, kind)
    try {
      const value = read(room.doc)
      await this.flush()
      return value
    } finally {
      if (room.peers.size === 0) this.scheduleEviction(room)
    }
  }

  /** Reads a workshop's two documents at one moment (see `read`). */
  async readWorkshop<T>(workshopId: string, read: (content: Y.Doc, control: Y.Doc) => T): Promise<T> {
    const content = await this.open(roomName(workshopId, 'content'), 'content')
    const control = await this.open(roomName(workshopId, 'control'), 'control')
    try {
      const value = read(content.doc, control.doc)
      await this.flush()
      return value
    } finally {
      if (content.peers.size === 0) this.scheduleEviction(content)
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
    // Committed and sent at once, unless this turn of the event loop already did so for an
    // update of the same room: the room's later ones wait for the turn's end, together, and
    // each of its peers gets them in one write. Waiting for the turn's end cost every update
    // 50-80 us at 250 connections; committing each room's clump of updates apart cost a third
    // more CPU at 1000 (one write per peer per update).
    const turn = this.roomsCommittedThisTurn
    if (!turn.has(item.room)) {
      if (turn.size === 0) setImmediate(() => turn.clear())
      turn.add(item.room)
      if (this.commitScheduled !== 'now') {
        this.commitScheduled = 'now'
        queueMicrotask(() => void this.flush())
      }
    } else if (this.commitScheduled === null) {
      this.commitScheduled = 'turn-end'
      setImmediate(() => void this.flush())
    }
  }

  /**
   * A change the server itself makes (e.g. publishing survey results into the control
   * document): committed, then sent to everyone in the room, like any client's update.
   */
  async applyServerChange(name: string, kind: DocumentKind, change: (doc: Y.Doc) => void): Promise<void> {
    if (this.closed) return
    const room = await this.open(name, kind)
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
      await this.flush()
      if (room.discarded) throw this.storageFailure ?? new StorageUnavailableError('not stored')
    }
    if (room.peers.size === 0) this.scheduleEviction(room)
  }

  /**
   * Answers a sync step 1 with the document as it is now, sent once all of it is stored, so no
   * one is sent state that is not. Throws at once if the state vector is unreadable.
   */
  answerSyncStep1(room: Room, peer: Peer, stateVector: Uint8Array): Promise<void> {
    const answer = room.syncStep1Answer(stateVector)
    return this.flush().then(() => {
      if (!room.discarded && room.peers.has(peer)) peer.send(answer)
    })
  }

  /**
   * Commits what is queued, after the writes already in flight; resolves once it is broadcast
   * (or its rooms discarded, if the store refused it).
   */
  flush(): Promise<void> {
    this.commitScheduled = null
    if (this.nextCommit) return this.nextCommit
    const commit = this.writes.then(() => {
      this.nextCommit = null
      return this.commitQueue()
    })
    this.nextCommit = commit
    this.writes = commit.catch((error) => this.options.log.error({ error: String(error) }, 'commit failed'))
    return commit
  }

  /** Chains a write of the store after the ones in flight. */
  private serially(write: () => Promise<void>): Promise<void> {
    const step = this.writes.then(write)
    this.writes = step.catch((error) =>
      this.options.log.error({ error: String(error) }, 'store write failed'),
    )
    return step
  }

  /**
   * Commits the queue in one transaction, then broadcasts it. If the store refuses, nothing of
   * the batch was stored, yet the rooms in memory already hold it: those rooms are discarded
   * (their peers are closed with 1011 and reconnect to a copy loaded from the store, and the
   * writers' clients send their changes again), so nobody is ever sent what was not stored.
   */
  private async commitQueue(): Promise<void> {
    const batch = this.queue
    if (batch.length === 0) return
    this.queue = []
    const startedAt = performance.now()
    try {
      await this.options.store.appendUpdates(batch)
    } catch (error) {
      this.commitFailed(batch, error)
      return
    }
    this.storageRecovered()
    const committedAt = performance.now()
    const { metrics, fanout } = this.options
    const touched = new Set<Room>()
    // A busy room's batch holds several updates: each peer gets them in one write. A room with
    // one update sends it at once, so the first receivers need not wait for the last.
    const held = new Set<Peer>()
    const several = batch.length > 1 ? roomsWithSeveral(batch) : null
    try {
      for (const item of batch) {
        const room = this.rooms.get(item.room)
        if (!room) continue
        room.updatesSinceSnapshot++
        touched.add(room)
        room.broadcast(item.frame, item.origin, several?.has(item.room) ? held : undefined)
      }
    } finally {
      for (const peer of held) peer.release?.()
    }
    // Counted once everyone has been sent the batch.
    metrics.storeLatency.observe((committedAt - startedAt) / 1000)
    metrics.updatesPersisted.inc(batch.length)
    for (const item of batch) metrics.persistLatency.observe((committedAt - item.queuedAt) / 1000)
    if (fanout) {
      fanout.publish(batch.map((item) => ({ room: item.room, kind: 'update', data: item.update })))
      metrics.fanoutSent.inc({ kind: 'update' }, batch.length)
    }
    for (const room of touched) {
      if (room.updatesSinceSnapshot >= this.options.compactAfterUpdates) void this.compactLater(room)
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
    const failed = new Set(batch.map((item) => item.room))
    // Queued after the refused batch, they may build on it: their writers send them again.
    this.queue = this.queue.filter((item) => !failed.has(item.room))
    for (const name of failed) {
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

  /**
   * Writes a room's snapshot, between two group commits (never beside one, which could store an
   * update the snapshot lacks before the log is dropped). A store that cannot write leaves the
   * update log as it is.
   */
  async compact(room: Room): Promise<void> {
    await this.flush()
    await this.compactLater(room)
  }

  /** Chains a compaction after the writes in flight (from a commit, which must not wait for it). */
  private compactLater(room: Room): Promise<void> {
    return this.serially(async () => {
      if (room.updatesSinceSnapshot === 0 || room.discarded) return
      const counted = room.updatesSinceSnapshot
      try {
        await this.options.store.compact(room.name, room.snapshot())
      } catch (error) {
        if (!(error instanceof StorageUnavailableError)) throw error
        this.options.log.warn({ room: room.name, error: error.message }, 'compaction postponed')
        return
      }
      room.updatesSinceSnapshot = Math.max(0, room.updatesSinceSnapshot - counted)
      this.options.metrics.compactions.inc()
    })
  }

  /** Called when a peer leaves: an empty room is compacted now and evicted once idle. */
  leave(room: Room, peer: Peer): void {
    if (this.closed || room.discarded) return
    const presenceGone = room.leave(peer)
    if (presenceGone) this.publishAwareness(room, presenceGone)
    if (room.peers.size > 0) return
    this.scheduleEviction(room)
  }

  /** A peer's presence update: applied, relayed here and to the other nodes (see Room.applyAwareness). */
  receiveAwareness(
    room: Room,
    peer: Peer,
    update: Uint8Array,
    frame: Uint8Array,
  ): 'applied' | 'echo' | 'forged' {
    const outcome = room.applyAwareness(peer, update, frame)
    if (outcome === 'applied') this.publishAwareness(room, update)
    return outcome
  }

  private publishAwareness(room: Room, update: Uint8Array): void {
    const { fanout, metrics } = this.options
    if (!fanout) return
    fanout.publish([{ room: room.name, kind: 'awareness', data: update }])
    metrics.fanoutSent.inc({ kind: 'awareness' })
  }

  /** A message from another node, for a room this one holds (others are read from the store when opened). */
  private receiveRemote(message: FanoutMessage): void {
    this.options.metrics.fanoutReceived.inc({ kind: message.kind })
    const room = this.rooms.get(message.room)
    if (room) this.applyRemote(room, message)
    else this.arrivedWhileLoading.get(message.room)?.push(message)
  }

  private applyRemote(room: Room, message: FanoutMessage): void {
    try {
      if (message.kind === 'awareness') room.applyRemoteAwareness(message.data)
      else if (message.kind === 'presence-query') {
        const presence = room.localAwareness()
        if (presence) this.publishAwareness(room, presence)
      } else {
        Y.applyUpdate(room.doc, message.data, FANOUT_ORIGIN)
        room.broadcast(encodeUpdate(message.data), null)
      }
    } catch (error) {
      this.options.log.warn({ room: room.name, error: String(error) }, 'unreadable message from another node')
    }
  }

  /**
   * After a gap in the messages of the other nodes: every room in memory is read again from the
   * store, and what it lacked is sent to its peers.
   */
  async catchUp(): Promise<void> {
    this.options.metrics.catchUps.inc()
    for (const room of [...this.rooms.values()]) {
      const stored = await this.options.store.loadDocument(room.name).catch((error) => {
        this.options.log.warn({ room: room.name, error: String(error) }, 'catch-up postponed')
        return null
      })
      if (!stored || room.discarded) continue
      const missed: Uint8Array[] = []
      const collect = (update: Uint8Array, origin: unknown) => {
        if (origin === FANOUT_ORIGIN) missed.push(update)
      }
      room.doc.on('update', collect)
      try {
        for (const update of [stored.snapshot, ...stored.updates]) {
          if (update) Y.applyUpdate(room.doc, update, FANOUT_ORIGIN)
        }
      } finally {
        room.doc.off('update', collect)
      }
      if (missed.length > 0) room.broadcast(encodeUpdate(Y.mergeUpdates(missed)), null)
    }
  }

  /** A room opened for a connection that did not come: evicted once idle, unless someone joins. */
  letGo(room: Room): void {
    if (room.peers.size === 0) this.scheduleEviction(room)
  }

  private scheduleEviction(room: Room): void {
    if (room.discarded) return
    void this.compact(room)
    if (room.idleTimer) clearTimeout(room.idleTimer)
    const evict = () => {
      if (room.peers.size > 0 || this.rooms.get(room.name) !== room || this.closed) return
      // A content room's write rules read its control room: the control room goes with it.
      if (room.kind === 'control' && this.rooms.has(roomName(room.name, 'content'))) return
      // Out of the map first: a connection arriving now loads a fresh copy, after this write.
      this.rooms.delete(room.name)
      this.options.metrics.roomsInMemory.set(this.rooms.size)
      void this.compact(room).finally(() => room.destroy())
      this.options.log.debug({ room: room.name }, 'room evicted')
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
  async forget(workshopId: string, code: number, reason: string): Promise<void> {
    const names = new Set((['content', 'control'] as const).map((kind) => roomName(workshopId, kind)))
    this.queue = this.queue.filter((item) => !names.has(item.room))
    for (const name of names) {
      const room = this.rooms.get(name)
      if (room) this.discard(room, code, reason)
    }
    // What is being written now is done before the caller deletes the workshop's rows.
    await this.flush()
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
  async closeAll(): Promise<void> {
    this.closed = true
    await this.flush()
    await Promise.allSettled([...this.loading.values()])
    for (const room of this.rooms.values()) await this.compactLater(room)
    await this.writes
    for (const room of this.rooms.values()) room.destroy()
    this.rooms.clear()
    this.options.metrics.roomsInMemory.set(0)
  }
}
