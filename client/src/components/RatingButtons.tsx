/** A 1-5 choice as a row of large radio buttons (finger-sized on a phone). */
export function RatingButtons({
  name,
  value,
  onChange,
  labelOf,
}: {
  /** Unique per question on the page: the radio group's name. */
  name: string
  value: number | undefined
  onChange: (value: number) => void
  /** The accessible name of each choice, e.g. "4 for Faster quotes". */
  labelOf: (value: number) => string
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {[1, 2, 3, 4, 5].map((choice) => (
        <label
          key={choice}
          className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded border border-slate-300 px-3 has-[:checked]:bg-indigo-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500"
        >
          <input
            type="radio"
            className="sr-only"
            name={name}
            checked={value === choice}
            onChange={() => onChange(choice)}
            aria-label={labelOf(choice)}
          />
          {choice}
        </label>
      ))}
    </div>
  )
}
