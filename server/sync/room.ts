import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { DocumentKind, Role } from '../../shared/rooms.ts'
import type { StoredDocument } from '../persistence/store.ts'
import { awarenessClocks, encodeAwareness, encodeSyncStep1, encodeSyncStep2 } from './protocol.ts'
import type { WriteGuard } from './write-guard.ts'

/** One end of a connection as the room sees it. */
export interface Peer {
  /** Who the connection's key made it; 'server' for the server's own changes. */
  readonly role: Role | 'server'
  readonly canWrite: boolean
  send(frame: Uint8Array): void
  /** Ends the connection from the server's side (a close code from CloseCode). */
  close(code: number, reason: string): void
  /** Gathers what is sent until `release` into one write to the socket (one system call). */
  hold?(): void
  release?(): void
}

/** The other nodes of a cluster, as the owner of the presence states they relay. */
export const REMOTE_PEER: Peer = { role: 'server', canWrite: false, send: () => {}, close: () => {} }

/** A document held in memory, its presence states and the peers connected to it. */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  readonly peers = new Map<Peer, Set<number>>()
  /** Which peer introduced each awareness client id: only that peer may change or remove it. */
  private readonly presenceOwners = new Map<number, Peer>()
  updatesSinceSnapshot = 0
  idleTimer: NodeJS.Timeout | undefined
  /** Set when the document in memory may hold what the store refused: it must never be served again. */
  discarded = false
  /** Applies peers' updates revertibly, for the write rules (content rooms, made on first write). */
  guard: WriteGuard | undefined

  constructor(
    readonly name: string,
    readonly kind: DocumentKind,
    stored: StoredDocument,
  ) {
    this.awareness.setLocalState(null)
    if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(this.doc, update)
    this.updatesSinceSnapshot = stored.updates.length
    this.awareness.on('update', this.trackAwareness)
  }

  private trackAwareness = (
    { added, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const peer = origin as Peer
    if (peer === REMOTE_PEER) {
      for (const id of removed)
        if (this.presenceOwners.get(id) === REMOTE_PEER) this.presenceOwners.delete(id)
      return
    }
    const controlled = this.peers.get(peer)
    if (!controlled) return
    for (const id of added) {
      controlled.add(id)
      this.presenceOwners.set(id, peer)
    }
    for (const id of removed) {
      controlled.delete(id)
      if (this.presenceOwners.get(id) === peer) this.presenceOwners.delete(id)
    }
  }

  join(peer: Peer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = undefined
    this.peers.set(peer, new Set())
    peer.send(encodeSyncStep1(Y.encodeStateVector(this.doc)))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
    }
  }

  /**
   * Removes the peer and tells the others its presence is gone; answers that presence update
   * (for the other nodes), if it had any.
   */
  leave(peer: Peer): Uint8Array | null {
    const controlled = this.peers.get(peer)
    this.peers.delete(peer)
    for (const id of controlled ?? []) this.presenceOwners.delete(id)
    if (!controlled || controlled.size === 0) return null
    const ids = [...controlled]
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)
    this.broadcast(encodeAwareness(update), null)
    return update
  }

  /**
   * Presence relayed by another node: applied and sent to every peer here. A client id first
   * seen this way belongs to the other nodes, so no peer here can change it.
   */
  applyRemoteAwareness(update: Uint8Array): void {
    for (const { clientId } of awarenessClocks(update)) {
      if (!this.presenceOwners.has(clientId)) this.presenceOwners.set(clientId, REMOTE_PEER)
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_PEER)
    this.broadcast(encodeAwareness(update), null)
  }

  /** The sync step 2 that answers a peer's state vector, from the document as it is now. */
  syncStep1Answer(stateVector: Uint8Array): Uint8Array {
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  /**
   * Applies a presence update and relays the client's own frame to the others, unchanged.
   * 'forged' (nothing applied) when it would change a client id another peer introduced, or
   * the server's own: nobody may rename, move or remove someone else's presence. Stock
   * clients echo every presence change they receive; an echo changes nothing and is not relayed.
   */
  applyAwareness(peer: Peer, update: Uint8Array, frame: Uint8Array): 'applied' | 'echo' | 'forged' {
    let own = 0
    for (const { clientId, clock } of awarenessClocks(update)) {
      const owner = this.presenceOwners.get(clientId)
      if (clientId === this.doc.clientID) return 'forged'
      if (!owner || owner === peer) own++
      else if (clock > (this.awareness.meta.get(clientId)?.clock ?? -1)) return 'forged'
    }
    if (own === 0) return 'echo'
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer)
    this.broadcast(frame, peer)
    return 'applied'
  }

  /** The presence of the people connected here (not what other nodes relayed), or null if none. */
  localAwareness(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()].filter((id) => {
      const owner = this.presenceOwners.get(id)
      return owner !== undefined && owner !== REMOTE_PEER
    })
    return ids.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) : null
  }

  sendAllAwareness(peer: Peer): void {
    const states = this.awareness.getStates()
    peer.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
  }

  /**
   * Sends one already-encoded frame to every peer but `except`: encoded once, never per receiver.
   * Peers not yet in `held` are held first (the caller releases them).
   */
  broadcast(frame: Uint8Array, except: Peer | null, held?: Set<Peer>): void {
    for (const peer of this.peers.keys()) {
      if (peer === except) continue
      if (held && !held.has(peer)) {
        held.add(peer)
        peer.hold?.()
      }
      peer.send(frame)
    }
  }

  snapshot(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.guard?.destroy()
    this.awareness.destroy()
    this.doc.destroy()
  }
}
