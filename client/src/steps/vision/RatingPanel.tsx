import { type ReactNode, useState } from 'react'
import type { PublishedRating, RatingBallot, RatingProblem } from '../../../../shared/domain/rating-round.ts'
import { controlMap, readRating } from '../../../../shared/schema/control.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { BallotStatus } from '../../components/BallotStatus.tsx'
import { RatingButtons } from '../../components/RatingButtons.tsx'
import { WithheldNote } from '../../components/WithheldNote.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { useOwnBallot } from '../../lib/own-ballot.ts'
import { workshopCall } from '../../lib/survey-api.ts'

type Purpose = PublishedRating['purpose']

export function useRating(purpose: Purpose): PublishedRating | null {
  const session = useSession()
  return useYValue(controlMap(session.control), () => readRating(session.control, purpose))
}

/**
 * A private rating of the vision workshop: the facilitator opens and closes it; each
 * participant scores alone (kept by the server); everyone sees the aggregates once closed.
 */
export function RatingPanel({
  purpose,
  axisLabel,
  canOpen,
  results,
}: {
  purpose: Purpose
  axisLabel: (axis: string) => string
  canOpen: boolean
  results: (rating: PublishedRating) => ReactNode
}) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const rating = useRating(purpose)
  const [error, setError] = useState<string | null>(null)
  const [confirmingAgain, setConfirmingAgain] = useState(false)
  const facilitator = session.role === 'facilitator'
  const run = (path: string) => {
    setError(null)
    workshopCall(session.workshopId, path, session.key, {
      method: 'POST',
      body: path.endsWith('/ratings') ? JSON.stringify({ purpose }) : null,
    }).catch((caught: unknown) => setError(errorText(caught)))
  }
  return (
    <section
      aria-labelledby={`${purpose}-rating-heading`}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${purpose}-rating-heading`} className="text-lg font-semibold">
        {t(`vision.rating.${purpose}.heading`)}
      </h3>
      {rating && (
        <p aria-live="polite" data-testid={`${purpose}-rating-status`}>
          {rating.status === 'open'
            ? t('vision.rating.open', { answered: rating.answered, registered: rating.registered })
            : t('vision.rating.closed', { count: rating.answered })}
        </p>
      )}
      {facilitator && (
        <div className="flex flex-wrap gap-2">
          {rating?.status === 'open' ? (
            <button
              type="button"
              onClick={() => run(`/ratings/${rating.id}/close`)}
              className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white"
            >
              {t('vision.rating.close')}
            </button>
          ) : rating && confirmingAgain ? (
            <>
              <span className="text-sm">{t('vision.rating.confirmAgain')}</span>
              <button
                type="button"
                onClick={() => {
                  setConfirmingAgain(false)
                  run('/ratings')
                }}
                className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white"
              >
                {t('vision.rating.confirmAgainYes')}
              </button>
              <button
                type="button"
                onClick={() => setConfirmingAgain(false)}
                className="min-h-9 rounded border border-slate-500 px-3"
              >
                {t('vision.rating.cancel')}
              </button>
            </>
          ) : (
            <button
              type="button"
              disabled={!canOpen}
              onClick={() => (rating ? setConfirmingAgain(true) : run('/ratings'))}
              className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800 disabled:opacity-50"
            >
              {rating ? t('vision.rating.reopen') : t(`vision.rating.${purpose}.open`)}
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {session.role === 'participant' && rating?.status === 'open' && (
        <RatingForm rating={rating} axisLabel={axisLabel} />
      )}
      {rating?.status === 'closed' && rating.results && results(rating)}
      {rating && (
        <WithheldNote
          closed={rating.status === 'closed'}
          answered={rating.answered}
          minimumAnswers={rating.minimumAnswers ?? 0}
        />
      )}
    </section>
  )
}

function RatingForm({ rating, axisLabel }: { rating: PublishedRating; axisLabel: (axis: string) => string }) {
  const { t } = useTranslation()
  const session = useSession()
  const path = `/ratings/${rating.id}/ballot`
  const own = useOwnBallot<RatingBallot['scores']>(
    rating.id,
    {},
    {
      load: (token) =>
        workshopCall<{ ballot: RatingBallot | null }>(session.workshopId, path, session.key, {}, token).then(
          ({ ballot }) => ballot?.scores ?? null,
        ),
      save: (token, scores) =>
        workshopCall(
          session.workshopId,
          path,
          session.key,
          { method: 'PUT', body: JSON.stringify({ scores }) },
          token,
        ),
      describe: (problems) => {
        const missing = (problems as RatingProblem[]).filter((p) => p.problem === 'missing-score')
        const which = missing.map((p) => {
          const title = rating.items.find((i) => i.id === p.itemId)?.title ?? ''
          return 'axis' in p && rating.axes.length > 1 ? `${title} (${axisLabel(p.axis)})` : title
        })
        return t('vision.rating.missingWhich', { count: missing.length, which: which.join('; ') })
      },
    },
  )
  const scores = own.ballot
  const set = (itemId: string, axis: string, value: number) =>
    own.edit({ ...scores, [itemId]: { ...scores[itemId], [axis]: value } })
  const groups = [...new Set(rating.items.map((i) => i.group))]
  return (
    <div className="grid gap-3">
      <p className="text-sm">{t('vision.rating.scale', { min: rating.min, max: rating.max })}</p>
      {groups.map((group) => (
        <fieldset key={group} className="grid gap-2 rounded border border-slate-200 p-2">
          <legend className="px-1 font-semibold">{group}</legend>
          {rating.items
            .filter((i) => i.group === group)
            .map((item) => (
              <div key={item.id} className="grid gap-1" data-testid="rating-item">
                {rating.items.length > groups.length && <p>{item.title}</p>}
                {rating.axes.map((axis) => {
                  const label = `${axisLabel(axis)}: ${item.title}`
                  return rating.max <= 5 ? (
                    <RatingButtons
                      key={axis}
                      name={`${rating.id}-${item.id}-${axis}`}
                      value={scores[item.id]?.[axis]}
                      onChange={(v) => set(item.id, axis, v)}
                      labelOf={(v) => t('vision.rating.choice', { value: v, label })}
                    />
                  ) : (
                    <ScoreSlider
                      key={axis}
                      axisName={axisLabel(axis)}
                      label={label}
                      min={rating.min}
                      max={rating.max}
                      value={scores[item.id]?.[axis]}
                      onChange={(v) => set(item.id, axis, v)}
                    />
                  )
                })}
              </div>
            ))}
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() => void own.submit()}
        className="min-h-11 justify-self-start rounded bg-indigo-700 px-4 font-semibold text-white"
      >
        {t('vision.rating.save')}
      </button>
      <BallotStatus
        error={own.error}
        saved={own.saved}
        savedText={t('vision.rating.saved')}
        testId="rating-saved"
      />
    </div>
  )
}

/**
 * A 0-10 score on a slider that starts unanswered ("–", said so to screen readers too). The
 * first touch counts even where the thumb already is: Home, or a click at the left end, sets 0.
 */
function ScoreSlider({
  axisName,
  label,
  min,
  max,
  value,
  onChange,
}: {
  axisName: string
  label: string
  min: number
  max: number
  value: number | undefined
  onChange: (value: number) => void
}) {
  const { t } = useTranslation()
  const take = (event: { currentTarget: HTMLInputElement }) => {
    if (value === undefined) onChange(Number(event.currentTarget.value))
  }
  return (
    <label className="flex flex-wrap items-center gap-2 text-sm">
      <span className="w-40">{axisName}</span>
      <input
        type="range"
        min={min}
        max={max}
        value={value ?? min}
        onChange={(e) => onChange(Number(e.target.value))}
        onPointerUp={take}
        onKeyUp={(e) => {
          if (
            ['Home', 'End', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(
              e.key,
            )
          )
            take(e)
        }}
        aria-label={label}
        aria-valuetext={value === undefined ? t('vision.rating.unanswered') : String(value)}
        data-answered={value !== undefined}
        className="w-48"
      />
      <output className="w-8 font-bold">{value ?? '–'}</output>
    </label>
  )
}
