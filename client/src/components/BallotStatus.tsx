/** Under a ballot form: what the server refused, or that the answer is saved. */
export function BallotStatus({
  error,
  saved,
  savedText,
  testId,
}: {
  error: string | null
  saved: boolean
  savedText: string
  testId: string
}) {
  return (
    <>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {saved && (
        <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900" data-testid={testId}>
          {savedText}
        </p>
      )}
    </>
  )
}
