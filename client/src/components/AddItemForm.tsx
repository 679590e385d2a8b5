import { type FormEvent, useState } from 'react'
import { useTranslation } from '../i18n/translation.tsx'

type Props = {
  /** The accessible name and placeholder of the field, e.g. "New stage". */
  label: string
  /** Shown in the empty field when it differs from the label. */
  placeholder?: string
  onAdd: (text: string) => void
  compact?: boolean
  /** Extra controls between the field and the button (e.g. a unit picker). */
  children?: React.ReactNode
}

/** A field and an "Add" button; Enter adds too. Empty text adds nothing. */
export function AddItemForm({ label, placeholder, onAdd, compact, children }: Props) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = draft.trim()
    if (!text) return
    onAdd(text)
    setDraft('')
  }
  const size = compact ? 'px-2 py-0.5 text-sm' : 'px-2 py-1'
  return (
    <form onSubmit={submit} className="flex flex-wrap gap-1">
      <input
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        aria-label={label}
        placeholder={placeholder ?? label}
        className={`min-w-0 flex-1 rounded border border-slate-300 bg-white ${size}`}
      />
      {children}
      <button
        type="submit"
        className={`rounded bg-indigo-700 font-medium text-white hover:bg-indigo-800 ${size}`}
      >
        {t('setup.add')}
      </button>
    </form>
  )
}
