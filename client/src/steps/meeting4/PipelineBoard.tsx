import { closestCorners, DndContext, type DragEndEvent, useDroppable } from '@dnd-kit/core'
import { SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { useState } from 'react'
import { dateProblems, pipelineOrder, STATUSES, suggestedWave } from '../../../../shared/domain/pipeline.ts'
import {
  addPipelineEntries,
  addWave,
  movePipelineEntry,
  type PipelineEntry,
  removeWave,
  setPipelineField,
} from '../../../../shared/schema/pipeline.ts'
import { recordsOf, recordText } from '../../../../shared/schema/records.ts'
import { readNamedList } from '../../../../shared/schema/setup.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { UnitSelect } from '../../components/UnitSelect.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { COLUMN_PREFIX, dropPosition } from '../../lib/column-drop.ts'
import { useBoardSensors } from '../../lib/dnd-sensors.ts'
import { QUADRANT_TONE } from '../meeting3/board.ts'
import type { Meeting4Board } from './board.ts'
import { Timeline } from './Timeline.tsx'

/**
 * The pipeline: meeting 3's actions in waves (drag between and within waves by mouse, touch or
 * keyboard, or pick the wave in each row), with owner, unit, dates and status; a timeline beside.
 */
export function PipelineBoard({ board }: { board: Meeting4Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const sensors = useBoardSensors()
  const units = useYValue(recordsOf(doc, 'units'), () => readNamedList(doc, 'units'))
  const [view, setView] = useState<'list' | 'timeline'>('list')
  const [note, setNote] = useState('')
  const columns = new Map(board.waves.map((w) => [w.id, board.pipeline.filter((e) => e.waveId === w.id)]))
  const missing = board.actions.filter((a) => !board.pipeline.some((e) => e.actionId === a.id))
  const waveName = (id: string) => board.waves.find((w) => w.id === id)?.name || t('setup.unnamed')
  const entryTitle = (id: string | number) => {
    const entry = board.pipeline.find((e) => e.id === id)
    return entry ? board.titleOf(entry.actionId) : ''
  }
  const waveOfDroppable = (id: string | number) => {
    const key = String(id)
    if (key.startsWith(COLUMN_PREFIX)) return waveName(key.slice(COLUMN_PREFIX.length))
    const entry = board.pipeline.find((e) => e.id === key)
    return entry ? waveName(entry.waveId) : ''
  }

  const build = () => {
    const order = pipelineOrder(
      missing.map((a) => ({
        id: a.id,
        quadrant: board.quadrants[a.id] ?? null,
        benefit: a.scores.benefit,
        constraint: board.constraintOf(a.id),
      })),
    )
    const entries = order.flatMap((actionId) => {
      const action = board.actions.find((a) => a.id === actionId)!
      const wave = board.waves[suggestedWave(board.quadrants[actionId] ?? null, board.waves.length)]
      if (!wave) return []
      // The owner and unit from the card; failing those, the unit that is R for its area.
      const responsible = action.areaId
        ? Object.entries(board.raci[action.areaId] ?? {}).find(([, letter]) => letter === 'R')?.[0]
        : undefined
      const unitId = action.unitId ?? responsible ?? null
      const unitName = units.find((u) => u.id === unitId)?.name ?? ''
      return [{ actionId, waveId: wave.id, owner: action.owner || unitName, unitId }]
    })
    addPipelineEntries(doc, entries)
    setNote(t('meeting4.pipeline.added', { count: entries.length }))
  }
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return
    const destination = dropPosition(columns, String(active.id), String(over.id))
    if (destination) movePipelineEntry(doc, String(active.id), destination.column, destination.position)
  }

  return (
    <section
      aria-labelledby="pipeline-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h3 id="pipeline-heading" className="text-xl font-semibold">
          {t('meeting4.pipeline.heading')}
        </h3>
        <fieldset className="ml-auto flex rounded border border-indigo-700">
          <legend className="sr-only">{t('meeting4.pipeline.view')}</legend>
          {(['list', 'timeline'] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => setView(v)}
              className={`px-3 py-1 ${view === v ? 'bg-indigo-700 text-white' : 'text-indigo-800'}`}
            >
              {t(`meeting4.pipeline.${v}`)}
            </button>
          ))}
        </fieldset>
      </div>
      {!session.readOnly && (
        <div className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={build}
            disabled={missing.length === 0}
            className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white disabled:opacity-50"
          >
            {t('meeting4.pipeline.build', { count: missing.length })}
          </button>
          {note && (
            <span role="status" className="text-emerald-900">
              {note}
            </span>
          )}
        </div>
      )}
      {board.actions.length === 0 && <p className="text-slate-700">{t('meeting4.pipeline.noActions')}</p>}
      {view === 'timeline' ? (
        <Timeline board={board} />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCorners}
          onDragEnd={onDragEnd}
          accessibility={{
            screenReaderInstructions: { draggable: t('dnd.instructions') },
            announcements: {
              onDragStart: ({ active }) => t('meeting4.dnd.pickedUp', { name: entryTitle(active.id) }),
              // Over itself (the moment it is picked up) says nothing: the pick-up is being announced.
              onDragOver: ({ active, over }) =>
                over && over.id !== active.id
                  ? t('meeting4.dnd.over', { name: entryTitle(active.id), wave: waveOfDroppable(over.id) })
                  : '',
              onDragEnd: ({ active, over }) =>
                over
                  ? t('meeting4.dnd.dropped', { name: entryTitle(active.id), wave: waveOfDroppable(over.id) })
                  : t('dnd.droppedNowhere', { name: entryTitle(active.id) }),
              onDragCancel: ({ active }) => t('dnd.cancelled', { name: entryTitle(active.id) }),
            },
          }}
        >
          <div className="grid gap-3">
            {board.waves.map((wave) => (
              <WaveArea key={wave.id} waveId={wave.id} entries={columns.get(wave.id) ?? []} board={board} />
            ))}
          </div>
        </DndContext>
      )}
      {!session.readOnly && view === 'list' && (
        <AddItemForm label={t('meeting4.pipeline.newWave')} onAdd={(name) => addWave(doc, name)} />
      )}
    </section>
  )
}

function WaveArea({
  waveId,
  entries,
  board,
}: {
  waveId: string
  entries: PipelineEntry[]
  board: Meeting4Board
}) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${waveId}`, disabled: session.readOnly })
  const name = board.waves.find((w) => w.id === waveId)?.name || t('setup.unnamed')
  return (
    <section
      aria-label={t('meeting4.pipeline.wave', { name })}
      data-testid="wave"
      data-wave={name}
      className={`grid gap-2 rounded-lg border-2 border-dashed p-2 ${isOver ? 'border-indigo-600 bg-indigo-50' : 'border-slate-200'}`}
    >
      <div className="flex items-center gap-2">
        <CollabText
          text={recordText(doc, 'waves', waveId, 'name')}
          label={t('meeting4.pipeline.waveName')}
          readOnly={session.readOnly}
          className="min-w-0 flex-1 rounded border border-transparent px-1 font-semibold hover:border-slate-300"
        />
        <span className="text-sm text-slate-600">
          {t('meeting4.pipeline.count', { count: entries.length })}
        </span>
        {!session.readOnly && board.waves.length > 1 && (
          <button
            type="button"
            onClick={() => removeWave(doc, waveId)}
            aria-label={t('meeting4.pipeline.removeWave', { name })}
            className="rounded px-1 text-slate-500 hover:bg-slate-100"
          >
            ✕
          </button>
        )}
      </div>
      <div ref={setNodeRef} className="min-h-10">
        <SortableContext items={entries.map((e) => e.id)} strategy={verticalListSortingStrategy}>
          <ol className="grid gap-2">
            {entries.map((entry) => (
              <PipelineRow key={entry.id} entry={entry} board={board} />
            ))}
          </ol>
        </SortableContext>
      </div>
    </section>
  )
}

function PipelineRow({ entry, board }: { entry: PipelineEntry; board: Meeting4Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const readOnly = session.readOnly
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: entry.id,
    disabled: readOnly,
  })
  const title = board.titleOf(entry.actionId)
  const quadrant = board.quadrants[entry.actionId]
  const problems = dateProblems(entry.start, entry.due)
  const kpis = board.kpis.filter((k) => k.actionIds.includes(entry.actionId))
  const input = 'rounded border border-slate-300 px-1 py-0.5 text-sm disabled:bg-slate-50'
  const position = board.pipeline.filter((e) => e.waveId === entry.waveId).findIndex((e) => e.id === entry.id)
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`grid gap-2 rounded border border-slate-200 bg-white p-2 shadow-sm ${isDragging ? 'relative z-10 opacity-80' : ''}`}
      data-testid="pipeline-entry"
      data-action={title}
    >
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          {...attributes}
          {...listeners}
          aria-label={t('meeting4.pipeline.handle', { name: title })}
          disabled={readOnly}
          className="cursor-grab touch-none rounded px-1 text-lg text-slate-500 hover:bg-slate-100 disabled:cursor-default disabled:opacity-30"
        >
          ⠿
        </button>
        <span className="font-semibold">{title}</span>
        {quadrant && (
          <span className={`rounded px-2 text-xs text-white ${QUADRANT_TONE[quadrant]}`}>
            {t(`meeting3.quadrant.${quadrant}`)}
          </span>
        )}
        <label className="ml-auto flex items-center gap-1 text-sm">
          {t('meeting4.pipeline.waveLabel')}
          <select
            value={entry.waveId}
            disabled={readOnly}
            onChange={(e) => movePipelineEntry(doc, entry.id, e.target.value, Number.MAX_SAFE_INTEGER)}
            className={input}
          >
            {board.waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name || t('setup.unnamed')}
              </option>
            ))}
          </select>
        </label>
        <span className="sr-only">{t('meeting4.pipeline.position', { position: position + 1 })}</span>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <CollabText
          text={recordText(doc, 'pipeline', entry.id, 'owner')}
          label={t('meeting4.pipeline.owner', { name: title })}
          placeholder={t('meeting3.card.owner')}
          readOnly={readOnly}
          className="w-40 rounded border border-slate-300 px-1 py-0.5"
        />
        <UnitSelect
          value={entry.unitId ?? ''}
          onChange={(unitId) => setPipelineField(doc, entry.id, 'unitId', unitId || null)}
          label={t('meeting4.pipeline.unit', { name: title })}
          disabled={readOnly}
        />
        {(['start', 'due'] as const).map((field) => (
          <label key={field} className="flex items-center gap-1">
            {t(`meeting4.pipeline.${field}`)}
            <input
              type="date"
              value={entry[field] ?? ''}
              disabled={readOnly}
              onChange={(e) => setPipelineField(doc, entry.id, field, e.target.value || null)}
              aria-invalid={problems.length > 0 || undefined}
              className={input}
            />
          </label>
        ))}
        <label className="flex items-center gap-1">
          {t('meeting4.pipeline.status')}
          <select
            value={entry.status}
            disabled={readOnly}
            onChange={(e) => setPipelineField(doc, entry.id, 'status', e.target.value)}
            className={input}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`meeting4.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-xs text-slate-700">
        {t('meeting4.pipeline.kpis')}:{' '}
        {kpis.length === 0 ? t('meeting4.pipeline.noKpi') : kpis.map((k) => k.name).join(', ')}
      </p>
      {problems.length > 0 && (
        <p role="alert" className="text-sm text-red-800">
          {problems.map((p) => t(`meeting4.dates.${p}`)).join(' ')}
        </p>
      )}
    </li>
  )
}
