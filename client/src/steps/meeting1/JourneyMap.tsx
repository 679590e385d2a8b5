import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  useDroppable,
} from '@dnd-kit/core'
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { useMemo, useState } from 'react'
import { readInterventions } from '../../../../shared/schema/interventions.ts'
import { addPain, moveCard, type Placement, readPainPlacements } from '../../../../shared/schema/journey.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { type NamedItem, readNamedList } from '../../../../shared/schema/setup.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { LiveCursors } from '../../collab/LiveCursors.tsx'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { COLUMN_PREFIX, dropPosition } from '../../lib/column-drop.ts'
import { useBoardSensors } from '../../lib/dnd-sensors.ts'
import { JourneyDataStrip } from './JourneyDataStrip.tsx'
import { PainCard } from './PainCard.tsx'
import { TouchpointList } from './TouchpointList.tsx'

/**
 * The journey map: one column per stage, touchpoints on top, pain cards below. Cards move
 * between stages and within one by mouse, touch or keyboard, with spoken announcements.
 */
export function JourneyMap() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const stages = useYValue(recordsOf(doc, 'stages'), () => readNamedList(doc, 'stages'))
  const placements = useYValue(recordsOf(doc, 'pains'), () => readPainPlacements(doc))
  const interventions = useYValue(recordsOf(doc, 'interventions'), () =>
    readInterventions(doc).map(({ id, title, painIds }) => ({ id, title, painIds })),
  )
  const [dragging, setDragging] = useState<string | null>(null)

  const byStage = useMemo(() => {
    const map = new Map<string, Placement[]>(stages.map((s) => [s.id, []]))
    for (const placement of placements) map.get(placement.stageId)?.push(placement)
    return map
  }, [stages, placements])
  const linksByPain = useMemo(() => {
    const map = new Map<string, string[]>()
    for (const intervention of interventions) {
      for (const painId of intervention.painIds) {
        map.set(painId, [
          ...(map.get(painId) ?? []),
          intervention.title || t('meeting1.interventions.untitled'),
        ])
      }
    }
    return map
  }, [interventions, t])

  const sensors = useBoardSensors()
  const placementOf = (id: string | number) => placements.find((p) => p.id === id)
  const stageName = (stageId: string) => stages.find((s) => s.id === stageId)?.name || t('setup.unnamed')
  const cardName = (id: string | number) => placementOf(id)?.label || t('meeting1.pain.untitled')
  const whereLabel = (overId: string | number | undefined) => {
    if (overId === undefined) return ''
    const id = String(overId)
    if (id.startsWith(COLUMN_PREFIX)) {
      return t('meeting1.dnd.overStage', { stage: stageName(id.slice(COLUMN_PREFIX.length)) })
    }
    const over = placementOf(id)
    return over ? t('meeting1.dnd.overCard', { card: over.label, stage: stageName(over.stageId) }) : ''
  }

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null)
    if (!over || active.id === over.id) return
    const destination = dropPosition(byStage, String(active.id), String(over.id))
    if (destination) moveCard(doc, 'pains', String(active.id), destination.column, destination.position)
  }

  if (stages.length === 0) {
    return (
      <p className="rounded border border-dashed border-slate-300 bg-white p-6">
        {t('meeting1.map.noStages')}
      </p>
    )
  }
  return (
    <section aria-labelledby="journey-heading" className="grid gap-2">
      <h3 id="journey-heading" className="text-xl font-semibold">
        {t('meeting1.map.heading')}
      </h3>
      <div className="overflow-x-auto pb-2">
        <div
          className="relative grid min-w-max gap-2"
          style={{ gridTemplateColumns: `repeat(${stages.length}, 17rem)` }}
        >
          <LiveCursors target="journey" />
          <JourneyDataStrip stages={stages} />
          <DndContext
            sensors={sensors}
            collisionDetection={closestCorners}
            onDragStart={({ active }: DragStartEvent) => setDragging(String(active.id))}
            onDragCancel={() => setDragging(null)}
            onDragEnd={onDragEnd}
            accessibility={{
              screenReaderInstructions: { draggable: t('dnd.instructions') },
              announcements: {
                onDragStart: ({ active }) => t('meeting1.dnd.pickedUp', { card: cardName(active.id) }),
                onDragOver: ({ active, over }) =>
                  over
                    ? `${cardName(active.id)}: ${whereLabel(over.id)}`
                    : t('dnd.notOver', { name: cardName(active.id) }),
                onDragEnd: ({ active, over }) =>
                  over
                    ? t('meeting1.dnd.dropped', { card: cardName(active.id), where: whereLabel(over.id) })
                    : t('dnd.droppedNowhere', { name: cardName(active.id) }),
                onDragCancel: ({ active }) => t('dnd.cancelled', { name: cardName(active.id) }),
              },
            }}
          >
            {stages.map((stage) => (
              <StageColumn
                key={stage.id}
                stage={stage}
                stages={stages}
                cards={byStage.get(stage.id) ?? []}
                linksByPain={linksByPain}
              />
            ))}
            <DragOverlay>
              {dragging ? (
                <div className="rounded border-2 border-indigo-600 bg-amber-50 p-2 text-sm shadow-xl">
                  {cardName(dragging)}
                </div>
              ) : null}
            </DragOverlay>
          </DndContext>
        </div>
      </div>
    </section>
  )
}

function StageColumn({
  stage,
  stages,
  cards,
  linksByPain,
}: {
  stage: NamedItem
  stages: NamedItem[]
  cards: Placement[]
  linksByPain: Map<string, string[]>
}) {
  const { t } = useTranslation()
  const session = useSession()
  const { setNodeRef, isOver } = useDroppable({
    id: `${COLUMN_PREFIX}${stage.id}`,
    disabled: session.readOnly,
  })
  return (
    <section
      aria-label={t('meeting1.map.column', { stage: stage.name || t('setup.unnamed') })}
      data-testid="stage-column"
      data-stage={stage.name}
      className={`flex flex-col gap-2 rounded-lg border bg-slate-100 p-2 ${isOver ? 'border-indigo-600' : 'border-slate-200'}`}
    >
      <h4 className="font-semibold">{stage.name || t('setup.unnamed')}</h4>
      <TouchpointList stageId={stage.id} />
      <h5 className="text-sm font-medium text-slate-600">
        {t('meeting1.map.pains', { count: cards.length })}
      </h5>
      <div ref={setNodeRef} className="min-h-16">
        <SortableContext items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
          <ol className="grid gap-2">
            {cards.map((card, position) => (
              <PainCard
                key={card.id}
                id={card.id}
                label={card.label}
                stages={stages}
                position={position}
                count={cards.length}
                linkedTo={linksByPain.get(card.id)}
              />
            ))}
          </ol>
        </SortableContext>
      </div>
      {!session.readOnly && (
        <AddItemForm
          label={t('meeting1.pain.newIn', { stage: stage.name })}
          onAdd={(text) => addPain(session.content, stage.id, text)}
          compact
          placeholder={t('meeting1.pain.new')}
        />
      )}
    </section>
  )
}
