/**
 * What nodes of one cluster tell each other about their rooms: a committed update (already in
 * the store when it is sent), a presence change, or a node that just opened a room asking the
 * others for the presence of their people there. Only the rooms a node holds in memory care.
 */
export type FanoutMessage = { room: string; kind: FanoutKind; data: Uint8Array }
export type FanoutKind = 'update' | 'awareness' | 'presence-query'
export const FANOUT_KINDS: ReadonlySet<string> = new Set<FanoutKind>([
  'update',
  'awareness',
  'presence-query',
])

export type FanoutListener = {
  receive(message: FanoutMessage): void
  /**
   * Messages may have been missed (the connection to the other nodes broke, or fell too far
   * behind): every room in memory must be read again from the store.
   */
  gap(): void
}

/** The link between the nodes of a cluster (Redis Streams, see redis.ts). */
export interface Fanout {
  publish(messages: readonly FanoutMessage[]): void
  listen(listener: FanoutListener): void
  /** Null while messages flow; else why they do not. */
  problem(): string | null
  close(): Promise<void>
}
