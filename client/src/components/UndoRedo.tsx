import { useEffect, useSyncExternalStore } from 'react'
import { useSession } from '../collab/hooks.ts'
import type { WorkshopSession } from '../collab/session.ts'
import { useTranslation } from '../i18n/translation.tsx'

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo: only this person's own changes. */
export function useUndoShortcuts(session: WorkshopSession): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const key = event.key.toLowerCase()
      if (key !== 'z' && key !== 'y') return
      // On a step this person may not change (locked, or a viewer), undo writes nothing.
      if (session.readOnly) return event.preventDefault()
      if (key === 'z' && !event.shiftKey) session.undoManager.undo()
      else if ((key === 'z' && event.shiftKey) || key === 'y') session.undoManager.redo()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [session])
}

function useUndoState(session: WorkshopSession) {
  return useSyncExternalStore(
    (notify) => {
      const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const
      for (const name of events) session.undoManager.on(name, notify)
      return () => {
        for (const name of events) session.undoManager.off(name, notify)
      }
    },
    () => `${session.undoManager.canUndo()}:${session.undoManager.canRedo()}`,
  )
}

export function UndoRedoButtons() {
  const { t } = useTranslation()
  const session = useSession()
  const [canUndo, canRedo] = useUndoState(session)
    .split(':')
    .map((flag) => flag === 'true')
  if (session.readOnly) return null
  const button =
    'rounded border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40'
  return (
    <div className="flex gap-1">
      <button
        type="button"
        className={button}
        disabled={!canUndo}
        onClick={() => session.undoManager.undo()}
        title={t('undo.undoHint')}
      >
        ↶ {t('undo.undo')}
      </button>
      <button
        type="button"
        className={button}
        disabled={!canRedo}
        onClick={() => session.undoManager.redo()}
        title={t('undo.redoHint')}
      >
        ↷ {t('undo.redo')}
      </button>
    </div>
  )
}
