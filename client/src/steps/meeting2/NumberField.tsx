import { type FormEvent, useEffect, useId, useState } from 'react'

type Props = {
  label: string
  value: number | null
  min: number
  max: number
  readOnly?: boolean
  /** Shown (as an alert) when the typed text is not a whole number between min and max. */
  invalidMessage: string
  onCommit: (value: number) => void
  className?: string
}

/**
 * A number typed and committed on Enter or when leaving the field, never on every keystroke:
 * half-typed values ("1" on the way to "15") do not jump a card across the matrix for everyone.
 * While the field is not being edited it follows the shared value.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  readOnly,
  invalidMessage,
  onCommit,
  className,
}: Props) {
  const [draft, setDraft] = useState<string | null>(null)
  const [invalid, setInvalid] = useState(false)
  const errorId = useId()
  useEffect(() => {
    if (draft === null) setInvalid(false)
  }, [draft])
  const commit = (event?: FormEvent) => {
    event?.preventDefault()
    if (draft === null) return
    const number = Number(draft)
    if (draft.trim() === '' || !Number.isInteger(number) || number < min || number > max) {
      setInvalid(true)
      return
    }
    setInvalid(false)
    setDraft(null)
    if (number !== value) onCommit(number)
  }
  return (
    <span className="inline-grid gap-0.5">
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={draft ?? (value === null ? '' : String(value))}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(e)
          if (e.key === 'Escape') setDraft(null)
        }}
        readOnly={readOnly}
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        className={`w-20 rounded border px-2 py-1 ${invalid ? 'border-red-700' : 'border-slate-300'} ${className ?? ''}`}
      />
      {invalid && (
        <span id={errorId} role="alert" className="text-xs text-red-800">
          {invalidMessage}
        </span>
      )}
    </span>
  )
}
