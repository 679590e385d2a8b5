import { type RefObject, useLayoutEffect } from 'react'

/**
 * When a card moves to another column, React unmounts it there and mounts it here: the person
 * typing in it would lose focus and their next keystrokes. A control with an `id` that had
 * focus (and its selection) is handed from the old card to the new one within the same commit.
 */
let pending: { id: string; start: number | null; end: number | null } | null = null

export function useFocusAcrossRemount(root: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = root.current
    if (pending && element) {
      const target = document.getElementById(pending.id)
      if (target && element.contains(target)) {
        target.focus()
        if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
          if (pending.start !== null && pending.end !== null)
            target.setSelectionRange(pending.start, pending.end)
        }
        pending = null
      }
    }
    return () => {
      const active = document.activeElement
      if (!element || !(active instanceof HTMLElement) || !active.id || !element.contains(active)) return
      const text = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null
      pending = { id: active.id, start: text?.selectionStart ?? null, end: text?.selectionEnd ?? null }
      // A card that is really gone (deleted) must not steal focus later.
      queueMicrotask(() => {
        if (pending?.id === active.id && !document.getElementById(active.id)) pending = null
      })
    }
  }, [root])
}
