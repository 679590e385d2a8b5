import * as Y from 'yjs'

/**
 * Applies a peer's update to a room's document so that it can be taken back: the transaction is
 * tracked by an UndoManager scoped to the whole document, so a refused write is reverted by a
 * compensating change (the writer's clocks stay whole, which a dropped update would break: the
 * stock client would send it again at every reconnect). The stack is cleared after each update.
 */
export class WriteGuard {
  private readonly undo: Y.UndoManager
  private last: Y.Transaction | null = null

  constructor(private readonly doc: Y.Doc) {
    this.undo = new Y.UndoManager(doc, { trackedOrigins: new Set(), captureTimeout: 0 })
    doc.on('afterTransaction', this.remember)
  }

  private remember = (transaction: Y.Transaction) => {
    this.last = transaction
  }

  /** Applies the update as `origin`; answers the transaction it made (null if it changed nothing). */
  apply(update: Uint8Array, origin: object): Y.Transaction | null {
    this.last = null
    this.undo.trackedOrigins.add(origin)
    try {
      Y.applyUpdate(this.doc, update, origin)
    } finally {
      this.undo.trackedOrigins.delete(origin)
    }
    const applied = this.last as Y.Transaction | null
    return applied?.origin === origin ? applied : null
  }

  /** Reverts what the last `apply` did; answers the compensating update (null if nothing to undo). */
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

  /** Lets go of what the last `apply` kept for a revert. */
  accept(): void {
    if (this.undo.undoStack.length > 0) this.undo.clear()
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.remember)
    this.undo.destroy()
  }
}
