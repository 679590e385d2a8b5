import type { ReactNode } from 'react'

/**
 * A wide table that scrolls sideways on a phone. Focusable and named, so keyboard users can
 * scroll it too (a region with nothing focusable inside is otherwise out of their reach).
 */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keyboard
      tabIndex={0}
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      {children}
    </section>
  )
}
