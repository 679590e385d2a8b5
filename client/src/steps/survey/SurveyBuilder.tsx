import { type FormEvent, useState } from 'react'
import { readInterventions } from '../../../../shared/schema/interventions.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { surveyApi } from '../../lib/survey-api.ts'

/** The facilitator builds the survey from meeting 1's macro interventions and opens it. */
export function SurveyBuilder({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const doc = session.content
  const interventions = useYValue(recordsOf(doc, 'interventions'), () =>
    readInterventions(doc).map(({ id, title }) => ({ id, title })),
  )
  const [excluded, setExcluded] = useState<string[]>([])
  const [kind, setKind] = useState<'rating' | 'points'>('rating')
  const [points, setPoints] = useState(10)
  const [anonymous, setAnonymous] = useState(true)
  const [hideParticipation, setHideParticipation] = useState(false)
  const [allowComments, setAllowComments] = useState(true)
  const [closesAt, setClosesAt] = useState('')
  const [error, setError] = useState<string | null>(null)
  const chosen = interventions.filter((i) => !excluded.includes(i.id))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    if (chosen.length === 0) return setError(t('survey.builder.noneChosen'))
    try {
      await surveyApi.create(session.workshopId, session.key, {
        interventionIds: chosen.map((i) => i.id),
        question: kind === 'rating' ? { kind } : { kind, points },
        anonymous,
        hideParticipation,
        allowComments,
        closesAt: closesAt ? new Date(closesAt).getTime() : null,
      })
      onCreated()
    } catch (caught) {
      setError(errorText(caught))
    }
  }

  if (interventions.length === 0) {
    return <p className="rounded bg-white p-4">{t('survey.builder.noInterventions')}</p>
  }
  return (
    <form onSubmit={submit} className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">{t('survey.builder.heading')}</h3>
      <fieldset className="grid gap-1">
        <legend className="font-medium">{t('survey.builder.interventions')}</legend>
        {interventions.map((intervention) => (
          <label key={intervention.id} className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={!excluded.includes(intervention.id)}
              onChange={(e) =>
                setExcluded(
                  e.target.checked
                    ? excluded.filter((id) => id !== intervention.id)
                    : [...excluded, intervention.id],
                )
              }
            />
            {intervention.title || t('meeting1.interventions.untitled')}
          </label>
        ))}
      </fieldset>
      <fieldset className="grid gap-1">
        <legend className="font-medium">{t('survey.builder.question')}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === 'rating'} onChange={() => setKind('rating')} />
          {t('survey.builder.rating')}
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="kind" checked={kind === 'points'} onChange={() => setKind('points')} />
          {t('survey.builder.points')}
        </label>
        {kind === 'points' && (
          <label className="flex items-center gap-2 pl-6">
            {t('survey.builder.pointsToShare')}
            <input
              type="number"
              min={1}
              max={1000}
              value={points}
              onChange={(e) => setPoints(Math.max(1, Math.floor(Number(e.target.value) || 1)))}
              className="w-20 rounded border border-slate-300 px-1"
            />
          </label>
        )}
      </fieldset>
      <div className="grid gap-1">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('survey.builder.anonymous')}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={allowComments}
            onChange={(e) => setAllowComments(e.target.checked)}
          />
          {t('survey.builder.comments')}
        </label>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={hideParticipation}
            onChange={(e) => setHideParticipation(e.target.checked)}
          />
          {t('survey.builder.hideParticipation')}
        </label>
        <label className="flex flex-wrap items-center gap-2">
          {t('survey.builder.closesAt')}
          <input
            type="datetime-local"
            value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)}
            className="rounded border border-slate-300 px-1"
          />
        </label>
      </div>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="justify-self-start rounded bg-indigo-700 px-4 py-2 font-semibold text-white"
      >
        {t('survey.builder.open')}
      </button>
    </form>
  )
}
