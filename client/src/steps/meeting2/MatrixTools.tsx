import { useState } from 'react'
import {
  customerAxisFromSurvey,
  DEFAULT_THRESHOLD,
  spreadAround,
} from '../../../../shared/domain/materiality.ts'
import { readSurvey } from '../../../../shared/schema/control.ts'
import { setAxisLabel, setMatrixPositions, setThreshold } from '../../../../shared/schema/materiality.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting2Board } from './board.ts'
import { NumberField } from './NumberField.tsx'

/** Axis labels, the threshold, and the buttons that place the cards: from the survey, or all at the centre. */
export function MatrixTools({ board }: { board: Meeting2Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const [note, setNote] = useState('')
  if (session.readOnly) return null
  const survey = readSurvey(session.control)
  const seeded = survey?.results ? customerAxisFromSurvey(survey) : {}
  const seedFromSurvey = () => {
    const positions = Object.fromEntries(
      Object.entries(seeded)
        .filter(([id]) => board.interventions.some((i) => i.id === id))
        .map(([id, x]) => [id, { x, y: board.positions[id]?.y ?? DEFAULT_THRESHOLD }]),
    )
    setMatrixPositions(doc, positions)
    setNote(t('meeting2.tools.seeded', { count: Object.keys(positions).length }))
  }
  const unplaced = board.interventions.filter((i) => !board.positions[i.id])
  const placeUnplaced = () => {
    const around = spreadAround({ x: DEFAULT_THRESHOLD, y: DEFAULT_THRESHOLD }, unplaced.length)
    setMatrixPositions(doc, Object.fromEntries(unplaced.map((i, n) => [i.id, around[n]!])))
  }
  return (
    <div className="grid gap-3 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={seedFromSurvey}
          disabled={Object.keys(seeded).length === 0}
          className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white disabled:opacity-50"
        >
          {t('meeting2.tools.seed')}
        </button>
        {unplaced.length > 0 && (
          <button
            type="button"
            onClick={placeUnplaced}
            className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800"
          >
            {t('meeting2.tools.placeAll', { count: unplaced.length })}
          </button>
        )}
      </div>
      {Object.keys(seeded).length === 0 && <p className="text-slate-700">{t('meeting2.tools.noSurvey')}</p>}
      {note && (
        <p role="status" className="text-emerald-900">
          {note}
        </p>
      )}
      <details>
        <summary className="cursor-pointer font-medium">{t('meeting2.tools.settings')}</summary>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          <LabelField axis="x" label={t('meeting2.tools.xLabel')} value={board.xLabel} />
          <LabelField axis="y" label={t('meeting2.tools.yLabel')} value={board.yLabel} />
          <div className="grid gap-1">
            <span aria-hidden="true">{t('meeting2.tools.threshold')}</span>
            <NumberField
              label={t('meeting2.tools.threshold')}
              value={board.settings.threshold}
              min={0}
              max={100}
              invalidMessage={t('meeting2.table.invalid', { min: 0, max: 100 })}
              onCommit={(value) => setThreshold(doc, value)}
            />
          </div>
        </div>
      </details>
    </div>
  )
}

function LabelField({ axis, label, value }: { axis: 'x' | 'y'; label: string; value: string }) {
  const session = useSession()
  const [draft, setDraft] = useState<string | null>(null)
  const commit = () => {
    if (draft?.trim() && draft !== value) setAxisLabel(session.content, axis, draft)
    setDraft(null)
  }
  return (
    <label className="grid gap-1">
      {label}
      <input
        value={draft ?? value}
        maxLength={80}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        className="rounded border border-slate-300 px-2 py-1"
      />
    </label>
  )
}
