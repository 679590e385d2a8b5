import { type ReactNode, useId, useState } from 'react'
import { useTranslation } from '../i18n/translation.tsx'

type Props<T> = {
  /** What the list is, as its heading says: names the list and its button. */
  name: string
  items: readonly T[]
  renderItem: (item: T) => ReactNode
  /** How many are drawn before "Show all" is pressed. */
  limit?: number
  className?: string
}

/**
 * A list that draws its first few items and the rest on request, so a summary beside a board of
 * hundreds of cards stays short to read and cheap to draw.
 */
export function ShortList<T>({ name, items, renderItem, limit = 10, className }: Props<T>) {
  const { t } = useTranslation()
  const [expanded, setExpanded] = useState(false)
  const listId = useId()
  const shown = expanded ? items : items.slice(0, limit)
  return (
    <>
      <ul id={listId} aria-label={name} className={className}>
        {shown.map(renderItem)}
      </ul>
      {items.length > limit && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-label={
            expanded
              ? t('list.showFewerOf', { list: name })
              : t('list.showAllOf', { count: items.length, list: name })
          }
          onClick={() => setExpanded(!expanded)}
          className="mt-1 rounded px-1 text-sm text-indigo-800 underline"
        >
          {expanded ? t('list.showFewer') : t('list.showAll', { count: items.length })}
        </button>
      )}
    </>
  )
}
