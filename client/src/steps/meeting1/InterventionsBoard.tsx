import { closestCorners, DndContext, type DragEndEvent, useDroppable } from '@dnd-kit/core'
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { useMemo, useState } from 'react'
import {
  addIntervention,
  addInterventionGroup,
  type Intervention,
  type InterventionGroup,
  linkPain,
  moveIntervention,
  readInterventionGroups,
  readInterventions,
  removeIntervention,
  removeInterventionGroup,
} from '../../../../shared/schema/interventions.ts'
import { readPains } from '../../../../shared/schema/journey.ts'
import { recordsOf, recordText } from '../../../../shared/schema/records.ts'
import { readNamedList } from '../../../../shared/schema/setup.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useEditingHandlers, useEditors } from '../../collab/editing.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { EditorsBadge } from '../../components/EditorsBadge.tsx'
import { VoteBadge } from '../../components/VotePanel.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { COLUMN_PREFIX, dropPosition } from '../../lib/column-drop.ts'
import { useBoardSensors } from '../../lib/dnd-sensors.ts'

const UNGROUPED = 'ungrouped'

/** The flip chart of macro interventions: cards linked to the pains they address, grouped by drag. */
export function InterventionsBoard() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const interventions = useYValue(recordsOf(doc, 'interventions'), () => readInterventions(doc))
  const groups = useYValue(recordsOf(doc, 'interventionGroups'), () => readInterventionGroups(doc))
  const sensors = useBoardSensors()
  const readOnly = session.readOnly

  const columns = useMemo(() => {
    const map = new Map<string, Intervention[]>([
      [UNGROUPED, []],
      ...groups.map((g) => [g.id, []] as [string, Intervention[]]),
    ])
    for (const card of interventions)
      map.get(card.groupId && map.has(card.groupId) ? card.groupId : UNGROUPED)?.push(card)
    return map
  }, [interventions, groups])
  const titleOf = (id: string | number) =>
    interventions.find((i) => i.id === id)?.title || t('meeting1.interventions.untitled')
  const groupName = (id: string) =>
    id === UNGROUPED
      ? t('meeting1.interventions.ungrouped')
      : groups.find((g) => g.id === id)?.name || t('setup.unnamed')
  const columnOf = (id: string | number | undefined) => {
    if (id === undefined) return ''
    const key = String(id)
    if (key.startsWith(COLUMN_PREFIX)) return groupName(key.slice(COLUMN_PREFIX.length))
    for (const [column, cards] of columns) if (cards.some((c) => c.id === key)) return groupName(column)
    return ''
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const destination = dropPosition(columns, String(active.id), String(over.id))
    if (!destination) return
    moveIntervention(
      doc,
      String(active.id),
      destination.column === UNGROUPED ? null : destination.column,
      destination.position,
    )
  }

  return (
    <section
      aria-labelledby="interventions-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="interventions-heading" className="text-xl font-semibold">
        {t('meeting1.interventions.heading')}
      </h3>
      <p className="text-sm text-slate-600">{t('meeting1.interventions.hint')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCorners}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('dnd.instructions') },
          announcements: {
            onDragStart: ({ active }) => t('meeting1.dnd.pickedUp', { card: titleOf(active.id) }),
            onDragOver: ({ active, over }) =>
              over ? t('meeting1.dnd.overGroup', { card: titleOf(active.id), group: columnOf(over.id) }) : '',
            onDragEnd: ({ active, over }) =>
              over
                ? t('meeting1.dnd.droppedInGroup', { card: titleOf(active.id), group: columnOf(over.id) })
                : t('dnd.droppedNowhere', { name: titleOf(active.id) }),
            onDragCancel: ({ active }) => t('dnd.cancelled', { name: titleOf(active.id) }),
          },
        }}
      >
        <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {[...columns].map(([column, cards]) => (
            <GroupArea
              key={column}
              column={column}
              name={groupName(column)}
              group={groups.find((g) => g.id === column)}
              cards={cards}
              groups={groups}
            />
          ))}
        </div>
      </DndContext>
      {!readOnly && (
        <div className="flex flex-wrap gap-4">
          <AddItemForm
            label={t('meeting1.interventions.new')}
            onAdd={(title) => addIntervention(doc, title)}
          />
          <AddItemForm
            label={t('meeting1.interventions.newGroup')}
            onAdd={(name) => addInterventionGroup(doc, name)}
          />
        </div>
      )}
    </section>
  )
}

function GroupArea({
  column,
  name,
  group,
  cards,
  groups,
}: {
  column: string
  name: string
  group: InterventionGroup | undefined
  cards: Intervention[]
  groups: InterventionGroup[]
}) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${column}`, disabled: session.readOnly })
  return (
    <section
      aria-label={name}
      data-testid="intervention-group"
      data-group={name}
      className={`grid content-start gap-2 rounded-lg border-2 border-dashed p-2 ${isOver ? 'border-indigo-600 bg-indigo-50' : 'border-slate-200'}`}
    >
      <div className="flex items-center gap-1">
        {group ? (
          <CollabText
            text={recordText(doc, 'interventionGroups', group.id, 'name')}
            label={t('meeting1.interventions.groupName')}
            readOnly={session.readOnly}
            className="min-w-0 flex-1 rounded border border-transparent px-1 font-semibold hover:border-slate-300"
          />
        ) : (
          <h4 className="flex-1 font-semibold text-slate-600">{name}</h4>
        )}
        {group && !session.readOnly && (
          <button
            type="button"
            onClick={() => removeInterventionGroup(doc, group.id)}
            aria-label={t('meeting1.interventions.removeGroup', { name })}
            className="rounded px-1 text-slate-500 hover:bg-slate-100"
          >
            ✕
          </button>
        )}
      </div>
      <div ref={setNodeRef} className="min-h-12">
        <SortableContext items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          <ol className="grid gap-2">
            {cards.map((card) => (
              <InterventionCard key={card.id} card={card} groups={groups} />
            ))}
          </ol>
        </SortableContext>
      </div>
    </section>
  )
}

function InterventionCard({ card, groups }: { card: Intervention; groups: InterventionGroup[] }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const readOnly = session.readOnly
  const editors = useEditors(`interventions:${card.id}`)
  const editing = useEditingHandlers(`interventions:${card.id}`)
  const [picking, setPicking] = useState(false)
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    disabled: readOnly,
  })
  const title = card.title || t('meeting1.interventions.untitled')
  return (
    <li
      ref={setNodeRef}
      data-testid="intervention-card"
      data-title={card.title}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        ...(editors[0] ? { outline: `3px solid ${editors[0].colour}` } : {}),
      }}
      className={`grid gap-1 rounded border border-sky-300 bg-sky-50 p-2 shadow-sm ${isDragging ? 'opacity-50' : ''}`}
    >
      <div className="flex items-center gap-1">
        <button
          type="button"
          {...attributes}
          {...listeners}
          disabled={readOnly}
          aria-label={t('meeting1.interventions.handle', { title })}
          className="min-h-6 min-w-6 cursor-grab touch-none rounded px-1 text-slate-500 disabled:opacity-30"
        >
          ⠿
        </button>
        <CollabText
          text={recordText(doc, 'interventions', card.id, 'title')}
          label={t('meeting1.interventions.title')}
          readOnly={readOnly}
          {...editing}
          className="min-w-0 flex-1 rounded border border-transparent bg-transparent px-1 font-medium hover:border-slate-300 focus:bg-white"
        />
      </div>
      <EditorsBadge editors={editors} />
      <VoteBadge itemId={card.id} />
      <CollabText
        text={recordText(doc, 'interventions', card.id, 'description')}
        label={t('meeting1.interventions.description')}
        placeholder={t('meeting1.interventions.description')}
        multiline
        readOnly={readOnly}
        {...editing}
        className="rounded border border-transparent bg-transparent px-1 text-sm hover:border-slate-300 focus:bg-white"
      />
      <p className="text-xs text-slate-700" data-testid="intervention-links">
        {t('meeting1.interventions.linked', { count: card.painIds.length })}
      </p>
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <button
          type="button"
          aria-expanded={picking}
          onClick={() => setPicking(!picking)}
          className="rounded border border-sky-700 px-2 py-0.5 text-sky-900"
        >
          {t('meeting1.interventions.pickPains')}
        </button>
        {!readOnly && (
          <>
            <label className="flex items-center gap-1">
              <span>{t('meeting1.interventions.group')}</span>
              <select
                value={card.groupId ?? ''}
                onChange={(e) =>
                  moveIntervention(doc, card.id, e.target.value || null, Number.MAX_SAFE_INTEGER)
                }
                className="rounded border border-slate-300 bg-white px-1"
              >
                <option value="">{t('meeting1.interventions.ungrouped')}</option>
                {groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name || t('setup.unnamed')}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              onClick={() => removeIntervention(doc, card.id)}
              className="ml-auto text-red-800 underline"
              aria-label={t('setup.remove', { name: title })}
            >
              {t('meeting1.pain.remove')}
            </button>
          </>
        )}
      </div>
      {picking && <PainPicker interventionId={card.id} linked={card.painIds} />}
    </li>
  )
}

/** Pick the pains an intervention addresses, stage by stage. */
function PainPicker({ interventionId, linked }: { interventionId: string; linked: readonly string[] }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const pains = useYValue(recordsOf(doc, 'pains'), () =>
    readPains(doc).map(({ id, stageId, text }) => ({ id, stageId, text })),
  )
  const stages = useYValue(recordsOf(doc, 'stages'), () => readNamedList(doc, 'stages'))
  return (
    <fieldset className="grid gap-1 rounded border border-slate-200 bg-white p-2 text-xs">
      <legend className="font-medium">{t('meeting1.interventions.pickLegend')}</legend>
      {pains.length === 0 && <p>{t('meeting1.interventions.noPains')}</p>}
      {stages.map((stage) => {
        const onStage = pains.filter((p) => p.stageId === stage.id)
        if (onStage.length === 0) return null
        return (
          <div key={stage.id}>
            <p className="font-semibold text-slate-600">{stage.name}</p>
            {onStage.map((pain) => (
              <label key={pain.id} className="flex items-start gap-1">
                <input
                  type="checkbox"
                  checked={linked.includes(pain.id)}
                  disabled={session.readOnly}
                  onChange={(e) => linkPain(doc, interventionId, pain.id, e.target.checked)}
                />
                <span>{pain.text || t('meeting1.pain.untitled')}</span>
              </label>
            ))}
          </div>
        )
      })}
    </fieldset>
  )
}
