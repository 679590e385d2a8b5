import type * as Y from 'yjs'

/**
 * The transaction origin of this client's own edits. The undo manager tracks only this
 * origin, so one person's undo never reverts another person's work.
 */
export const LOCAL_ORIGIN = Symbol('tavolo-local-edit')

/** Origin of edits the code makes on a person's behalf that must not be undone (migrations, seeds). */
export const SYSTEM_ORIGIN = Symbol('tavolo-system')

const DISCRETE_STEP = 'tavolo:discrete-step'

/**
 * Runs one discrete user action (add, remove, move, pick) as a local transaction marked as
 * its own undo step: it is never merged with typing just before or after it.
 */
export function localAction(doc: Y.Doc, action: () => void): void {
  doc.transact((transaction) => {
    transaction.meta.set(DISCRETE_STEP, true)
    action()
  }, LOCAL_ORIGIN)
}

export function isDiscreteStep(transaction: Y.Transaction): boolean {
  return transaction.meta.has(DISCRETE_STEP)
}
