import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BallotProblem, PublishedSurvey } from '../../../../shared/domain/survey.ts'
import { useSession } from '../../collab/hooks.ts'
import { RatingButtons } from '../../components/RatingButtons.tsx'
import { ApiError } from '../../lib/api.ts'
import { loadIdentity } from '../../lib/local-memory.ts'
import { BallotRefused, surveyApi } from '../../lib/survey-api.ts'

/**
 * A participant's answer: a 1-5 rating per intervention, or points to distribute that must add
 * up exactly. Sent again, it replaces the previous answer until the survey closes.
 */
export function BallotForm({ survey }: { survey: PublishedSurvey }) {
  const { t } = useTranslation()
  const session = useSession()
  const token = loadIdentity(session.workshopId)?.token ?? null
  const [scores, setScores] = useState<Record<string, number>>({})
  const [comments, setComments] = useState<Record<string, string>>({})
  const [state, setState] = useState<'editing' | 'saved' | 'saving'>('editing')
  const [error, setError] = useState<string | null>(null)
  /** Whether the server holds an answer of mine: sending again replaces it. */
  const [stored, setStored] = useState(false)
  const question = survey.question
  const total = Object.values(scores).reduce((a, b) => a + b, 0)
  const left = question.kind === 'points' ? question.points - total : 0

  useEffect(() => {
    if (!token) return
    surveyApi.myBallot(session.workshopId, session.key, survey.id, token).then(
      ({ ballot }) => {
        if (!ballot) return
        setScores({ ...ballot.scores })
        setComments({ ...(ballot.comments ?? {}) })
        setState('saved')
        setStored(true)
      },
      () => {},
    )
  }, [session, survey.id, token])

  const describe = (problem: BallotProblem) => {
    const title =
      'interventionId' in problem
        ? survey.interventions.find((i) => i.id === problem.interventionId)?.title
        : ''
    return t(`survey.problems.${problem.problem}`, { ...problem, title })
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!token) return setError(t('survey.noToken'))
    setState('saving')
    setError(null)
    try {
      await surveyApi.answer(session.workshopId, session.key, survey.id, token, { scores, comments })
      setState('saved')
      setStored(true)
    } catch (caught) {
      setState('editing')
      if (caught instanceof BallotRefused) setError(caught.problems.map(describe).join(' '))
      else setError(caught instanceof ApiError ? caught.message : t('home.offline'))
    }
  }
  const set = (id: string, value: number) => {
    setScores({ ...scores, [id]: value })
    setState('editing')
  }

  return (
    <form
      onSubmit={submit}
      className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4"
      aria-labelledby="ballot-heading"
    >
      <h3 id="ballot-heading" className="text-lg font-semibold">
        {question.kind === 'rating'
          ? t('survey.ballot.ratingHeading')
          : t('survey.ballot.pointsHeading', { points: question.points })}
      </h3>
      {survey.interventions.map((intervention) => (
        <fieldset
          key={intervention.id}
          className="grid gap-2 border-b border-slate-100 pb-3"
          data-testid="ballot-item"
        >
          <legend className="font-medium">
            {intervention.title || t('meeting1.interventions.untitled')}
          </legend>
          {question.kind === 'rating' ? (
            <RatingButtons
              name={`score-${intervention.id}`}
              value={scores[intervention.id]}
              onChange={(value) => set(intervention.id, value)}
              labelOf={(value) => t('survey.ballot.rate', { value, title: intervention.title })}
            />
          ) : (
            <label className="flex items-center gap-2">
              {t('survey.ballot.points')}
              <input
                type="number"
                min={0}
                max={question.points}
                value={scores[intervention.id] ?? 0}
                onChange={(e) => set(intervention.id, Math.max(0, Math.floor(Number(e.target.value) || 0)))}
                className="w-24 rounded border border-slate-300 px-2 py-1"
              />
            </label>
          )}
          {survey.allowComments && (
            <label className="grid gap-1 text-sm">
              {t('survey.ballot.comment')}
              <textarea
                value={comments[intervention.id] ?? ''}
                onChange={(e) => {
                  setComments({ ...comments, [intervention.id]: e.target.value })
                  setState('editing')
                }}
                rows={2}
                maxLength={1000}
                className="rounded border border-slate-300 px-2 py-1"
              />
            </label>
          )}
        </fieldset>
      ))}
      {question.kind === 'points' && (
        <p
          aria-live="polite"
          className={left === 0 ? 'text-emerald-800' : 'font-semibold text-amber-900'}
          data-testid="points-left"
        >
          {t('survey.ballot.left', { count: left })}
        </p>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {state === 'saved' && (
        <p
          role="status"
          className="rounded bg-emerald-50 px-3 py-2 text-emerald-900"
          data-testid="ballot-saved"
        >
          {t('survey.ballot.saved')}
        </p>
      )}
      <button
        type="submit"
        disabled={state === 'saving' || (question.kind === 'points' && left !== 0)}
        className="min-h-11 justify-self-start rounded bg-indigo-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        {stored ? t('survey.ballot.update') : t('survey.ballot.send')}
      </button>
    </form>
  )
}
