/** Small inline icons (no emoji: not every projector laptop has an emoji font). Decorative. */
export function ClockIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="inline size-4 align-[-2px]"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <circle cx="8" cy="9" r="6" />
      <path d="M8 6v3l2 1.5M6 1.5h4" strokeLinecap="round" />
    </svg>
  )
}

export function LockIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className="inline size-4 align-[-2px]"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
    >
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" />
    </svg>
  )
}
