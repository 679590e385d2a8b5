import * as Y from 'yjs'

/** What a rule found wrong with an applied transaction (empty: allowed). */
export type TransactionCheck = (transaction: Y.Transaction) => readonly unknown[]

/**
 * Applies a peer's update to a room's document so that a refused one can be taken back. An
 * UndoManager scoped to the whole document captures the peer's transaction only when the check
 * refuses it (the check runs as the manager's capture filter, after the update is applied and
 * before Yjs collects deleted content), so an allowed update costs one check and keeps nothing.
 * The revert is a compensating change: the writer's clocks stay whole, which a dropped update
 * would break (the stock client would send it again at every reconnect).
 */
export class WriteGuard {
  private readonly undo: Y.UndoManager
  private pending: { origin: object; check: TransactionCheck; found: readonly unknown[] } | null = null

  constructor(private readonly doc: Y.Doc) {
    this.undo = new Y.UndoManager(doc, {
      trackedOrigins: new Set(),
      captureTimeout: 0,
      captureTransaction: (transaction) => {
        const pending = this.pending
        if (!pending || transaction.origin !== pending.origin) return false
        pending.found = pending.check(transaction)
        return pending.found.length > 0
      },
    })
  }

  /** Applies the update as `origin`; answers what `check` found wrong (empty: allowed, kept). */
  apply<T>(
    update: Uint8Array,
    origin: object,
    check: (transaction: Y.Transaction) => readonly T[],
  ): readonly T[] {
    this.pending = { origin, check, found: [] }
    this.undo.trackedOrigins.add(origin)
    try {
      Y.applyUpdate(this.doc, update, origin)
      return this.pending.found as readonly T[]
    } finally {
      this.undo.trackedOrigins.delete(origin)
      this.pending = null
    }
  }

  /** Reverts the refused transaction of the last `apply`; answers the compensating update. */
  revert(): Uint8Array | null {
    let compensation: Uint8Array | null = null
    const capture = (update: Uint8Array) => {
      compensation = compensation ? Y.mergeUpdates([compensation, update]) : update
    }
    this.doc.on('update', capture)
    try {
      while (this.undo.undoStack.length > 0) this.undo.undo()
    } finally {
      this.doc.off('update', capture)
      this.undo.clear()
    }
    return compensation
  }

  destroy(): void {
    this.undo.destroy()
  }
}
