/** What a form's last action gave: an error read out at once, or a quiet confirmation. */
export type FormOutcome = { text: string; error: boolean }

export function FormMessage({ outcome }: { outcome: FormOutcome | null }) {
  if (!outcome) return null
  return (
    <p
      role={outcome.error ? 'alert' : 'status'}
      className={outcome.error ? 'text-red-800' : 'text-emerald-900'}
    >
      {outcome.text}
    </p>
  )
}
