import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { LOCAL_ORIGIN } from '../../../shared/schema/origin.ts'
import { spliceBetween, transformPosition } from '../../../shared/text-diff.ts'

type Props = {
  text: Y.Text | undefined
  label: string
  /** Stable across remounts (e.g. built from the record id), so focus can follow a moved card. */
  id?: string
  /** Shown instead of `label` as a visible label when given; `label` is always the accessible name. */
  multiline?: boolean
  readOnly?: boolean
  placeholder?: string
  className?: string
  onFocus?: () => void
  onBlur?: () => void
}

/**
 * A plain input bound to a Y.Text: each keystroke becomes a splice of the shared text, and
 * remote edits move the caret the way they moved the text, so two people can type in one
 * field at once without overwriting each other.
 */
export function CollabText({
  text,
  label,
  id,
  multiline,
  readOnly,
  placeholder,
  className,
  onFocus,
  onBlur,
}: Props) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  const shown = useRef('')

  useEffect(() => {
    const field = ref.current
    if (!field || !text) return
    shown.current = text.toString()
    field.value = shown.current
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL_ORIGIN && transaction.local && field.value === text.toString()) {
        shown.current = field.value
        return
      }
      const focused = document.activeElement === field
      const start = field.selectionStart ?? 0
      const end = field.selectionEnd ?? 0
      shown.current = text.toString()
      field.value = shown.current
      if (focused) {
        const delta = event.delta as Parameters<typeof transformPosition>[1]
        field.setSelectionRange(transformPosition(start, delta), transformPosition(end, delta))
      }
    }
    text.observe(onChange)
    return () => text.unobserve(onChange)
  }, [text])

  const onInput = () => {
    const field = ref.current
    if (!field || !text?.doc) return
    const { index, remove, insert } = spliceBetween(shown.current, field.value)
    shown.current = field.value
    text.doc.transact(() => {
      if (remove > 0) text.delete(index, remove)
      if (insert) text.insert(index, insert)
    }, LOCAL_ORIGIN)
  }

  const common = {
    id,
    'aria-label': label,
    readOnly: readOnly || !text,
    placeholder,
    onInput,
    onFocus,
    onBlur,
    className:
      className ??
      'w-full rounded border border-slate-300 bg-white px-2 py-1 text-slate-900 focus:outline-2 focus:outline-indigo-600 read-only:bg-slate-50',
  }
  return multiline ? <textarea ref={ref} rows={3} {...common} /> : <input ref={ref} type="text" {...common} />
}
