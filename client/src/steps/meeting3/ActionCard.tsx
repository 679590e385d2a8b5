import { memo, useEffect, useRef, useState } from 'react'
import { type ActionScores, CONSTRAINTS, constraintScore } from '../../../../shared/domain/actions.ts'
import {
  type Action,
  addMetric,
  duplicateAction,
  removeAction,
  removeMetric,
  setActionField,
  setActionScores,
  setDependency,
} from '../../../../shared/schema/actions.ts'
import { recordText } from '../../../../shared/schema/records.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useEditingHandlers, useEditors } from '../../collab/editing.ts'
import { useSession } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { EditorsBadge } from '../../components/EditorsBadge.tsx'
import { UnitSelect } from '../../components/UnitSelect.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useUi } from '../../state/ui.ts'
import { type Meeting3Board, QUADRANT_TONE, UNASSIGNED } from './board.ts'

const SCORE_FIELDS = ['benefit', ...CONSTRAINTS] as const

/** One action card: a compact line for the projector, the full form when opened. */
export const ActionCard = memo(function ActionCard({
  action,
  board,
}: {
  action: Action
  board: Meeting3Board
}) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const readOnly = session.readOnly
  const open = useUi((s) => s.openCards[action.id] === true)
  const toggleCard = useUi((s) => s.toggleCard)
  const editors = useEditors(`actions:${action.id}`)
  const editing = useEditingHandlers(`actions:${action.id}`)
  const root = useRef<HTMLElement>(null)
  const inDebrief = board.debriefCard === action.id
  useEffect(() => {
    if (inDebrief) root.current?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }, [inDebrief])

  const quadrant = board.quadrants[action.id]
  const constraint = constraintScore(action.scores)
  const title = action.title || t('meeting3.card.untitled')
  const number = board.numberOf(action.id)
  const outline = editors[0] ? { outline: `3px solid ${editors[0].colour}` } : {}
  const small = 'rounded border border-slate-300 bg-white px-1 py-0.5 text-sm disabled:bg-slate-50'

  return (
    <article
      ref={root}
      aria-labelledby={`${action.id}-title`}
      aria-current={inDebrief || undefined}
      data-testid="action-card"
      data-action={action.title}
      style={outline}
      className={`grid gap-2 rounded-lg border bg-white p-3 shadow-sm ${inDebrief ? 'border-amber-500 ring-4 ring-amber-300' : 'border-slate-200'}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span id={`${action.id}-title`} className="sr-only">
          {number}. {title}
        </span>
        <span className="font-bold" aria-hidden="true">
          {number}.
        </span>
        <CollabText
          text={recordText(doc, 'actions', action.id, 'title')}
          id={`${action.id}-title-field`}
          label={t('meeting3.card.title')}
          readOnly={readOnly}
          {...editing}
          className="min-w-0 flex-1 rounded border border-transparent px-1 font-semibold hover:border-slate-300 focus:border-slate-400"
        />
        {inDebrief && (
          <span className="rounded bg-amber-200 px-2 text-sm font-semibold text-amber-950">
            {t('meeting3.debrief.current')}
          </span>
        )}
        <span
          className={`rounded border px-2 text-sm ${quadrant ? `text-white ${QUADRANT_TONE[quadrant]}` : 'border-slate-400 bg-white text-slate-800'}`}
          data-testid="action-quadrant"
        >
          {quadrant ? t(`meeting3.quadrant.${quadrant}`) : t('meeting3.matrix.unscored')}
        </span>
      </div>
      <EditorsBadge editors={editors} />
      <p className="flex flex-wrap gap-x-3 text-sm text-slate-700" data-testid="action-summary">
        <span>
          {t('meeting3.card.benefitShort')} {action.scores.benefit ?? '–'}
        </span>
        <span>
          {t('meeting3.card.constraintShort')} {constraint ?? '–'}
        </span>
        {action.owner && (
          <span>
            {t('meeting3.card.owner')}: {action.owner}
          </span>
        )}
        {board.inCycles.has(action.id) && (
          <span className="font-semibold text-red-800">⚠ {t('meeting3.card.inCycle')}</span>
        )}
      </p>
      <div className="flex flex-wrap gap-2 text-sm">
        <button
          type="button"
          aria-expanded={open}
          onClick={() => toggleCard(action.id)}
          aria-label={t('meeting3.card.detailsOf', { title })}
          className="rounded border border-indigo-700 px-2 text-indigo-800"
        >
          {open ? t('meeting3.card.close') : t('meeting3.card.details')}
        </button>
        {!readOnly && (
          <>
            <button
              type="button"
              onClick={() => duplicateAction(doc, action.id, t('meeting3.card.copySuffix'))}
              aria-label={t('meeting3.card.duplicateOf', { title })}
              className="rounded border border-slate-400 px-2"
            >
              {t('meeting3.card.duplicate')}
            </button>
            <button
              type="button"
              onClick={() => removeAction(doc, action.id)}
              aria-label={t('meeting3.card.removeOf', { title })}
              className="rounded border border-red-700 px-2 text-red-800"
            >
              {t('meeting3.card.remove')}
            </button>
          </>
        )}
      </div>
      {open && (
        <div className="grid gap-3 border-t border-slate-200 pt-2 text-sm">
          <label className="grid gap-1">
            {t('meeting3.card.area')}
            <select
              value={board.areaOf(action.areaId)}
              disabled={readOnly}
              onChange={(e) => setActionField(doc, action.id, 'areaId', e.target.value || null)}
              className={small}
            >
              {[...board.areaIds, UNASSIGNED].map((areaId) => (
                <option key={areaId} value={areaId}>
                  {board.areaName(areaId)}
                </option>
              ))}
            </select>
          </label>
          <CollabText
            text={recordText(doc, 'actions', action.id, 'description')}
            label={t('meeting3.card.description')}
            placeholder={t('meeting3.card.description')}
            multiline
            readOnly={readOnly}
            {...editing}
            className="min-h-16 rounded border border-slate-300 px-2 py-1"
          />
          <div className="grid gap-2 sm:grid-cols-2">
            <CollabText
              text={recordText(doc, 'actions', action.id, 'owner')}
              label={t('meeting3.card.owner')}
              placeholder={t('meeting3.card.ownerPlaceholder')}
              readOnly={readOnly}
              {...editing}
              className="rounded border border-slate-300 px-2 py-1"
            />
            <UnitSelect
              value={action.unitId ?? ''}
              onChange={(unitId) => setActionField(doc, action.id, 'unitId', unitId || null)}
              label={t('meeting3.card.unit')}
              disabled={readOnly}
            />
          </div>
          <Scores action={action} readOnly={readOnly} />
          <Dependencies action={action} board={board} readOnly={readOnly} />
          <Metrics action={action} board={board} readOnly={readOnly} />
          <CollabText
            text={recordText(doc, 'actions', action.id, 'notes')}
            label={t('meeting3.card.notes')}
            placeholder={t('meeting3.card.notes')}
            multiline
            readOnly={readOnly}
            {...editing}
            className="min-h-12 rounded border border-slate-300 px-2 py-1"
          />
        </div>
      )}
    </article>
  )
})

function Scores({ action, readOnly }: { action: Action; readOnly: boolean }) {
  const { t } = useTranslation()
  const doc = useSession().content
  const constraint = constraintScore(action.scores)
  return (
    <fieldset className="grid gap-2 rounded border border-slate-200 p-2">
      <legend className="px-1 font-medium">{t('meeting3.card.scores')}</legend>
      <div className="flex flex-wrap gap-3">
        {SCORE_FIELDS.map((field) => (
          <label key={field} className="flex items-center gap-1">
            {t(`meeting3.card.score.${field}`)}
            <select
              value={action.scores[field] ?? ''}
              disabled={readOnly}
              onChange={(e) =>
                setActionScores(doc, action.id, {
                  [field]: e.target.value === '' ? null : Number(e.target.value),
                } as Partial<ActionScores>)
              }
              className="rounded border border-slate-300 px-1 py-0.5"
              data-testid={`score-${field}`}
            >
              <option value="">–</option>
              {[1, 2, 3, 4, 5].map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="text-slate-700" data-testid="constraint-score">
        {t('meeting3.card.constraintScore', { score: constraint ?? '–' })}
      </p>
    </fieldset>
  )
}

function Dependencies({
  action,
  board,
  readOnly,
}: {
  action: Action
  board: Meeting3Board
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const doc = useSession().content
  const [refusal, setRefusal] = useState<string | null>(null)
  const others = board.actions.filter((a) => a.id !== action.id)
  const toggle = (on: string, depends: boolean) => {
    const cycle = setDependency(doc, action.id, on, depends)
    setRefusal(
      cycle
        ? t('meeting3.card.cycle', {
            chain: cycle.map((id) => `${board.numberOf(id)}. ${board.titleOf(id)}`).join(' → '),
          })
        : null,
    )
  }
  return (
    <fieldset className="grid gap-1 rounded border border-slate-200 p-2">
      <legend className="px-1 font-medium">{t('meeting3.card.dependsOn')}</legend>
      {others.length === 0 && <p className="text-slate-600">{t('meeting3.card.noOthers')}</p>}
      {others.map((other) => (
        <label key={other.id} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={action.dependsOn.includes(other.id)}
            disabled={readOnly}
            onChange={(e) => toggle(other.id, e.target.checked)}
          />
          {board.numberOf(other.id)}. {other.title || t('meeting3.card.untitled')}
        </label>
      ))}
      {refusal && (
        <p role="alert" className="text-red-800">
          {refusal}
        </p>
      )}
    </fieldset>
  )
}

function Metrics({ action, board, readOnly }: { action: Action; board: Meeting3Board; readOnly: boolean }) {
  const { t } = useTranslation()
  const doc = useSession().content
  const metrics = board.metrics.filter((m) => m.actionId === action.id)
  return (
    <fieldset className="grid gap-1 rounded border border-slate-200 p-2">
      <legend className="px-1 font-medium">{t('meeting3.card.metrics')}</legend>
      <ul className="grid gap-1">
        {metrics.map((metric) => (
          <li key={metric.id} className="flex items-center gap-1">
            <CollabText
              text={recordText(doc, 'metrics', metric.id, 'name')}
              label={t('meeting3.card.metricName')}
              readOnly={readOnly}
              className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-0.5"
            />
            {!readOnly && (
              <button
                type="button"
                onClick={() => removeMetric(doc, metric.id)}
                aria-label={t('meeting3.card.removeMetric', { name: metric.name })}
                className="rounded px-1 text-red-800"
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <AddItemForm
          compact
          label={t('meeting3.card.newMetric', { title: action.title || t('meeting3.card.untitled') })}
          placeholder={t('meeting3.card.newMetricPlaceholder')}
          onAdd={(name) => addMetric(doc, action.id, name)}
        />
      )}
    </fieldset>
  )
}
