import { closestCenter, DndContext, type DragEndEvent } from '@dnd-kit/core'
import { arrayMove, SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import type { ReactNode } from 'react'
import { useTranslation } from '../i18n/translation.tsx'
import { useBoardSensors } from '../lib/dnd-sensors.ts'

type Item = { id: string; name: string }

type Props<T extends Item> = {
  items: readonly T[]
  disabled: boolean
  /** Called with the item's new position among the others (0 = first). */
  onMove: (id: string, position: number) => void
  renderItem: (item: T, handle: ReactNode) => ReactNode
  itemKind: string
}

/**
 * A vertical list reordered by mouse, touch or keyboard (Space to pick up, arrows, Space to
 * drop), with spoken announcements for screen readers.
 */
export function SortableList<T extends Item>({ items, disabled, onMove, renderItem, itemKind }: Props<T>) {
  const { t } = useTranslation()
  const sensors = useBoardSensors()
  const nameOf = (id: string | number) => items.find((item) => item.id === id)?.name || t('setup.unnamed')
  const positionOf = (id: string | number) => items.findIndex((item) => item.id === id) + 1

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const from = items.findIndex((item) => item.id === active.id)
    const to = items.findIndex((item) => item.id === over.id)
    const reordered = arrayMove([...items], from, to)
    onMove(
      String(active.id),
      reordered.findIndex((item) => item.id === active.id),
    )
  }

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('dnd.instructions') },
        announcements: {
          onDragStart: ({ active }) => t('dnd.pickedUp', { kind: itemKind, name: nameOf(active.id) }),
          onDragOver: ({ active, over }) =>
            over
              ? t('dnd.movedOver', {
                  name: nameOf(active.id),
                  position: positionOf(over.id),
                  total: items.length,
                })
              : t('dnd.notOver', { name: nameOf(active.id) }),
          onDragEnd: ({ active, over }) =>
            over
              ? t('dnd.dropped', {
                  name: nameOf(active.id),
                  position: positionOf(over.id),
                  total: items.length,
                })
              : t('dnd.droppedNowhere', { name: nameOf(active.id) }),
          onDragCancel: ({ active }) => t('dnd.cancelled', { name: nameOf(active.id) }),
        },
      }}
    >
      <SortableContext
        items={items.map((item) => item.id)}
        strategy={verticalListSortingStrategy}
        disabled={disabled}
      >
        <ol className="grid gap-2">
          {items.map((item) => (
            <SortableRow
              key={item.id}
              id={item.id}
              disabled={disabled}
              label={t('dnd.handle', { name: item.name })}
            >
              {(handle) => renderItem(item, handle)}
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  )
}

function SortableRow({
  id,
  disabled,
  label,
  children,
}: {
  id: string
  disabled: boolean
  label: string
  children: (handle: ReactNode) => ReactNode
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled,
  })
  const handle = (
    <button
      type="button"
      {...attributes}
      {...listeners}
      aria-label={label}
      disabled={disabled}
      className="min-h-6 min-w-6 cursor-grab touch-none rounded px-1 text-lg text-slate-500 hover:bg-slate-100 disabled:cursor-default disabled:opacity-30"
    >
      ⠿
    </button>
  )
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? 'relative z-10 opacity-80 shadow-lg' : undefined}
    >
      {children(handle)}
    </li>
  )
}
