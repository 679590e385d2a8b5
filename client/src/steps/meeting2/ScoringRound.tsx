import { type FormEvent, useEffect, useState } from 'react'
import type { Axis, PublishedScoringRound, ScoringProblem } from '../../../../shared/domain/scoring-round.ts'
import { useSession } from '../../collab/hooks.ts'
import { BallotStatus } from '../../components/BallotStatus.tsx'
import { RatingButtons } from '../../components/RatingButtons.tsx'
import { WithheldNote } from '../../components/WithheldNote.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { useOwnBallot } from '../../lib/own-ballot.ts'
import { scoringApi } from '../../lib/scoring-api.ts'
import type { Meeting2Board } from './board.ts'

/**
 * The optional silent round: the facilitator starts it, everyone scores alone (the server keeps
 * the ballots), the reveal places each card at the group's average with its spread.
 */
export function ScoringRound({ board }: { board: Meeting2Board }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const round = board.round
  const facilitator = session.role === 'facilitator'
  const [error, setError] = useState<string | null>(null)
  const run = (action: Promise<unknown>) => {
    setError(null)
    action.catch((caught: unknown) => setError(errorText(caught)))
  }
  return (
    <section
      aria-labelledby="scoring-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="scoring-heading" className="text-lg font-semibold">
        {t('meeting2.scoring.heading')}
      </h3>
      <p className="text-sm text-slate-700">{t('meeting2.scoring.explain')}</p>
      {round && (
        <p aria-live="polite" data-testid="scoring-status" className="font-medium">
          {round.status === 'open'
            ? t('meeting2.scoring.open', { answered: round.answered, registered: round.registered })
            : t('meeting2.scoring.revealed', { count: round.results?.ballots ?? 0 })}
        </p>
      )}
      {facilitator && (
        <div className="flex flex-wrap gap-2">
          {round?.status === 'open' ? (
            <button
              type="button"
              onClick={() => run(scoringApi.reveal(session.workshopId, session.key, round.id))}
              className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white"
            >
              {t('meeting2.scoring.reveal')}
            </button>
          ) : (
            <button
              type="button"
              disabled={board.interventions.length === 0}
              onClick={() => run(scoringApi.start(session.workshopId, session.key))}
              className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800 disabled:opacity-50"
            >
              {round ? t('meeting2.scoring.startAgain') : t('meeting2.scoring.start')}
            </button>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      {facilitator && round?.status === 'open' && <Pending roundId={round.id} answered={round.answered} />}
      {session.role === 'participant' && round?.status === 'open' && (
        <ScoringForm round={round} board={board} />
      )}
      {round && (
        <WithheldNote
          closed={round.status === 'revealed'}
          answered={round.answered}
          minimumAnswers={round.minimumAnswers ?? 0}
        />
      )}
      {round?.status === 'revealed' && round.results && (
        <div>
          <h4 className="font-semibold">{t('meeting2.scoring.disagreement')}</h4>
          <ol className="list-decimal pl-5 text-sm" data-testid="scoring-disagreement">
            {round.results.disagreementOrder.map((id) => {
              const result = round.results?.results.find((r) => r.interventionId === id)
              return (
                <li key={id}>
                  {round.interventions.find((i) => i.id === id)?.title ||
                    t('meeting1.interventions.untitled')}{' '}
                  —{' '}
                  {t('meeting2.scoring.spread', {
                    x: result?.spreadX,
                    y: result?.spreadY,
                    xLabel: board.xLabel,
                    yLabel: board.yLabel,
                  })}
                </li>
              )
            })}
          </ol>
        </div>
      )}
    </section>
  )
}

function Pending({ roundId, answered }: { roundId: string; answered: number }) {
  const { t } = useTranslation()
  const session = useSession()
  const [pending, setPending] = useState<string[] | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `answered` is the trigger: refetch when the live count moves
  useEffect(() => {
    let cancelled = false
    scoringApi.participation(session.workshopId, session.key, roundId).then(
      (result) => !cancelled && setPending(result.pending),
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [session, roundId, answered])
  if (!pending || pending.length === 0) return null
  return (
    <p className="text-sm" data-testid="scoring-pending">
      {t('meeting2.scoring.pending', { names: pending.join(', ') })}
    </p>
  )
}

type Scores = Record<string, Partial<Record<Axis, number>>>

function ScoringForm({ round, board }: { round: PublishedScoringRound; board: Meeting2Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const axisLabel = (axis: Axis) => (axis === 'x' ? board.xLabel : board.yLabel)
  const describeProblem = (problem: ScoringProblem) => {
    const title =
      'interventionId' in problem
        ? round.interventions.find((i) => i.id === problem.interventionId)?.title
        : ''
    return `${axisLabel(problem.axis)}: ${t(`survey.problems.${problem.problem}`, { ...problem, title })}`
  }
  const own = useOwnBallot<Scores>(
    round.id,
    {},
    {
      load: (token) =>
        scoringApi
          .myBallot(session.workshopId, session.key, round.id, token)
          .then(({ ballot }) => ballot?.scores ?? null),
      save: (token, scores) =>
        scoringApi.score(session.workshopId, session.key, round.id, token, {
          scores: scores as Record<string, Record<Axis, number>>,
        }),
      describe: (problems) => (problems as ScoringProblem[]).map(describeProblem).join(' '),
    },
  )
  const scores = own.ballot
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void own.submit()
  }
  const set = (id: string, axis: Axis, value: number) =>
    own.edit({ ...scores, [id]: { ...scores[id], [axis]: value } })
  return (
    <form onSubmit={submit} className="grid gap-3" aria-label={t('meeting2.scoring.formLabel')}>
      <p className="text-sm">{t('meeting2.scoring.scale')}</p>
      {round.interventions.map((intervention) => (
        <fieldset
          key={intervention.id}
          className="grid gap-2 border-b border-slate-100 pb-2"
          data-testid="scoring-item"
        >
          <legend className="font-medium">
            {intervention.title || t('meeting1.interventions.untitled')}
          </legend>
          {(['x', 'y'] as const).map((axis) => (
            <div key={axis} className="grid gap-1">
              <span className="text-sm">{axisLabel(axis)}</span>
              <RatingButtons
                name={`scoring-${intervention.id}-${axis}`}
                value={scores[intervention.id]?.[axis]}
                onChange={(value) => set(intervention.id, axis, value)}
                labelOf={(value) =>
                  t('meeting2.scoring.rate', { value, axis: axisLabel(axis), title: intervention.title })
                }
              />
            </div>
          ))}
        </fieldset>
      ))}
      <BallotStatus
        error={own.error}
        saved={own.saved}
        savedText={t('meeting2.scoring.saved')}
        testId="scoring-saved"
      />
      <button
        type="submit"
        disabled={own.saving}
        className="min-h-11 justify-self-start rounded bg-indigo-700 px-4 font-semibold text-white disabled:opacity-50"
      >
        {t('meeting2.scoring.send')}
      </button>
    </form>
  )
}
