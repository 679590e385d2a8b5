import type { PublishedSurvey } from '../../../../shared/domain/survey.ts'
import { useTranslation } from '../../i18n/translation.tsx'

/** Results for the debrief: a ranking with bars, the distributions, and where the group disagrees. */
export function SurveyResultsView({ survey }: { survey: PublishedSurvey }) {
  const { t } = useTranslation()
  const results = survey.results
  if (!results) return null
  const title = (id: string) =>
    survey.interventions.find((i) => i.id === id)?.title || t('meeting1.interventions.untitled')
  const max = survey.question.kind === 'rating' ? 5 : survey.question.points
  const ranked = [...results.results].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))
  const scale =
    survey.question.kind === 'rating'
      ? ['1', '2', '3', '4', '5']
      : ['0-20%', '20-40%', '40-60%', '60-80%', '80-100%']
  return (
    <section
      aria-labelledby="results-heading"
      className="grid gap-4 rounded-lg border-2 border-indigo-200 bg-white p-4"
      data-testid="survey-results"
    >
      <h3 id="results-heading" className="text-xl font-semibold">
        {t('survey.results.heading', { count: results.ballots })}
      </h3>
      <ol className="grid gap-3">
        {ranked.map((r) => (
          <li key={r.interventionId} className="grid gap-1" data-testid="result-row">
            <p className="flex flex-wrap items-baseline gap-2">
              <span className="font-bold">{r.rank === null ? '–' : `${r.rank}${r.tied ? '=' : ''}.`}</span>
              <span className="font-medium">{title(r.interventionId)}</span>
              <span className="text-sm text-slate-700">
                {r.mean === null
                  ? t('survey.results.noAnswers')
                  : t('survey.results.summary', { mean: r.mean, spread: r.spread, answers: r.answers })}
                {r.tied && ` · ${t('survey.results.tied')}`}
              </span>
            </p>
            <div className="h-5 w-full rounded bg-slate-100" aria-hidden="true">
              <div
                className="h-5 rounded bg-indigo-600"
                style={{ width: `${((r.mean ?? 0) / max) * 100}%` }}
              />
            </div>
            <Histogram labels={scale} counts={r.distribution} label={t('survey.results.distribution')} />
          </li>
        ))}
      </ol>
      <div>
        <h4 className="font-semibold">{t('survey.results.disagreement')}</h4>
        <ol className="list-decimal pl-5" data-testid="disagreement">
          {results.disagreementOrder.map((id) => (
            <li key={id}>
              {title(id)} (
              {t('survey.results.spread', {
                spread: results.results.find((r) => r.interventionId === id)?.spread,
              })}
              )
            </li>
          ))}
        </ol>
      </div>
      {survey.comments.length > 0 && (
        <div>
          <h4 className="font-semibold">{t('survey.results.comments')}</h4>
          <ul className="grid gap-1" data-testid="survey-comments">
            {survey.comments.map((comment) => (
              <li
                key={`${comment.interventionId}:${comment.author ?? ''}:${comment.text}`}
                className="rounded bg-slate-50 p-2 text-sm"
              >
                <span className="font-medium">{title(comment.interventionId)}:</span> «{comment.text}»
                {comment.author && <span className="text-slate-600"> — {comment.author}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** A small bar chart of how many answers fell on each score (or share of the points). */
function Histogram({ labels, counts, label }: { labels: string[]; counts: number[]; label: string }) {
  const highest = Math.max(1, ...counts)
  return (
    <figure className="flex items-end gap-1" aria-label={label}>
      {counts.map((count, i) => (
        <div key={labels[i]} className="flex w-14 flex-col items-center text-xs text-slate-700">
          <span>{count}</span>
          <div
            className="w-8 rounded-t bg-sky-600"
            style={{ height: `${(count / highest) * 2.5}rem` }}
            aria-hidden="true"
          />
          <span className="border-t border-slate-300">{labels[i]}</span>
        </div>
      ))}
    </figure>
  )
}
