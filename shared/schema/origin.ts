/**
 * The transaction origin of this client's own edits. The undo manager tracks only this
 * origin, so one person's undo never reverts another person's work.
 */
export const LOCAL_ORIGIN = Symbol('tavolo-local-edit')

/** Origin of edits the code makes on a person's behalf that must not be undone (migrations, seeds). */
export const SYSTEM_ORIGIN = Symbol('tavolo-system')
