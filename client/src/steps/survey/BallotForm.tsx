import type { FormEvent } from 'react'
import type { Ballot, BallotProblem, PublishedSurvey } from '../../../../shared/domain/survey.ts'
import { useSession } from '../../collab/hooks.ts'
import { BallotStatus } from '../../components/BallotStatus.tsx'
import { RatingButtons } from '../../components/RatingButtons.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useOwnBallot } from '../../lib/own-ballot.ts'
import { surveyApi } from '../../lib/survey-api.ts'

/**
 * A participant's answer: a 1-5 rating per intervention, or points to distribute that must add
 * up exactly. Sent again, it replaces the previous answer until the survey closes.
 */
export function BallotForm({ survey }: { survey: PublishedSurvey }) {
  const { t } = useTranslation()
  const session = useSession()
  const describeProblem = (problem: BallotProblem) => {
    const title =
      'interventionId' in problem
        ? survey.interventions.find((i) => i.id === problem.interventionId)?.title
        : ''
    return t(`survey.problems.${problem.problem}`, { ...problem, title })
  }
  const own = useOwnBallot<Ballot>(
    survey.id,
    { scores: {}, comments: {} },
    {
      load: (token) =>
        surveyApi.myBallot(session.workshopId, session.key, survey.id, token).then(({ ballot }) => ballot),
      save: (token, ballot) => surveyApi.answer(session.workshopId, session.key, survey.id, token, ballot),
      describe: (problems) => (problems as BallotProblem[]).map(describeProblem).join(' '),
    },
  )
  const scores = own.ballot.scores
  const comments = own.ballot.comments ?? {}
  const question = survey.question
  const total = Object.values(scores).reduce((a, b) => a + b, 0)
  const left = question.kind === 'points' ? question.points - total : 0
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void own.submit()
  }
  // Points left on an intervention are an answer of 0: the ballot sent says so for each one.
  const untouched =
    question.kind === 'points' ? Object.fromEntries(survey.interventions.map((i) => [i.id, 0])) : {}
  const set = (id: string, value: number) =>
    own.edit({ ...own.ballot, scores: { ...untouched, ...scores, [id]: value } })

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
                onChange={(e) =>
                  own.edit({ ...own.ballot, comments: { ...comments, [intervention.id]: e.target.value } })
                }
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
      <BallotStatus
        error={own.error}
        saved={own.saved}
        savedText={t('survey.ballot.saved')}
        testId="ballot-saved"
      />
      <button
        type="submit"
        disabled={own.saving || (question.kind === 'points' && left !== 0)}
        className="min-h-11 justify-self-start rounded bg-indigo-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        {own.stored ? t('survey.ballot.update') : t('survey.ballot.send')}
      </button>
    </form>
  )
}
