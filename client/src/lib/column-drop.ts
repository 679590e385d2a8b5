import { arrayMove } from '@dnd-kit/sortable'

/** Droppable ids of columns carry this prefix; card ids are plain record ids. */
export const COLUMN_PREFIX = 'column:'

/**
 * Where a card dropped over `overId` lands: its column and position among that column's other
 * cards. Over a card: that card's place; over a column's empty area: its end.
 */
export function dropPosition(
  columns: ReadonlyMap<string, readonly { id: string }[]>,
  activeId: string,
  overId: string,
): { column: string; position: number } | undefined {
  if (overId.startsWith(COLUMN_PREFIX)) {
    const column = overId.slice(COLUMN_PREFIX.length)
    const others = (columns.get(column) ?? []).filter((card) => card.id !== activeId)
    return { column, position: others.length }
  }
  for (const [column, cards] of columns) {
    const to = cards.findIndex((card) => card.id === overId)
    if (to < 0) continue
    const from = cards.findIndex((card) => card.id === activeId)
    if (from < 0) return { column, position: to }
    const reordered = arrayMove([...cards], from, to)
    return { column, position: reordered.findIndex((card) => card.id === activeId) }
  }
  return undefined
}
