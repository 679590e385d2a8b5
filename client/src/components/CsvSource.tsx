/**
 * Where a CSV comes from: pasted, or a file chosen (checked at once), and a button to check
 * what was pasted. The caller parses it and reports the lines; nothing is imported here.
 */
export function CsvSource({
  csv,
  onEdit,
  onCheck,
  labels,
  rows = 4,
}: {
  csv: string
  /** The pasted text changed: whatever was checked before no longer holds. */
  onEdit: (text: string) => void
  onCheck: (text: string) => void
  labels: { paste: string; upload: string; check: string }
  rows?: number
}) {
  return (
    <>
      <label className="grid gap-1">
        <span>{labels.paste}</span>
        <textarea
          value={csv}
          rows={rows}
          onChange={(e) => onEdit(e.target.value)}
          className="rounded border border-slate-300 px-2 py-1 font-mono text-sm"
        />
      </label>
      <label className="grid gap-1">
        <span>{labels.upload}</span>
        <input
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={async (e) => {
            const file = e.target.files?.[0]
            if (!file) return
            const text = await file.text()
            onEdit(text)
            onCheck(text)
          }}
        />
      </label>
      <button
        type="button"
        onClick={() => onCheck(csv)}
        className="justify-self-start rounded border border-indigo-700 px-3 py-1 text-indigo-800"
      >
        {labels.check}
      </button>
    </>
  )
}
