import { useEffect, useRef } from 'react'

/**
 * Under a ballot form: what the server refused, or that the answer is saved. Either takes the
 * keyboard focus when it appears, so that a keyboard user goes on from there, not from the top.
 */
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
  const said = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if ((saved || error) && !said.current?.contains(document.activeElement)) said.current?.focus()
  }, [saved, error])
  return (
    <>
      {error && (
        <p ref={said} tabIndex={-1} role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {saved && !error && (
        <p
          ref={said}
          tabIndex={-1}
          role="status"
          className="rounded bg-emerald-50 px-3 py-2 text-emerald-900"
          data-testid={testId}
        >
          {savedText}
        </p>
      )}
    </>
  )
}
