import { useCallback, useState } from 'react'
import type * as Y from 'yjs'
import {
  type DotProblem,
  type PublishedVote,
  VOTE_TARGETS,
  type VoteTarget,
} from '../../../shared/domain/dot-vote.ts'
import { controlMap, readVote } from '../../../shared/schema/control.ts'
import type { StepId } from '../../../shared/steps.ts'
import { useSession } from '../collab/hooks.ts'
import { sharedView, useSharedSelection, useSharedView, viewsOf } from '../collab/shared-view.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { facilitationApi } from '../lib/facilitation-api.ts'
import { useOwnBallot } from '../lib/own-ballot.ts'
import { BallotStatus } from './BallotStatus.tsx'
import { WithheldNote } from './WithheldNote.tsx'

/** Where each kind of card lives: a vote shows on that step. */
const STEP_OF: Record<VoteTarget, StepId> = {
  pains: 'meeting1',
  interventions: 'meeting1',
  goldenRules: 'meeting4',
  factors: 'factors',
}

const controlViews = viewsOf<Y.Doc>()

/** The published vote, read once per change of the control document for every card. */
function voteView(control: Y.Doc) {
  return controlViews(control, readVote, () =>
    sharedView(
      (onChange) => controlMap(control).observeDeep(onChange),
      () => readVote(control),
    ),
  )
}

export function useVote(): PublishedVote | null {
  return useSharedView(voteView(useSession().control))
}

/** The dots a card received, once the facilitator revealed the vote; nothing before. */
export function VoteBadge({ itemId }: { itemId: string }) {
  const { t } = useTranslation()
  const select = useCallback(
    (vote: PublishedVote | null) => vote?.results?.find((r) => r.itemId === itemId) ?? null,
    [itemId],
  )
  const result = useSharedSelection(voteView(useSession().control), select)
  if (!result) return null
  return (
    <span
      className="rounded-full bg-fuchsia-800 px-2 text-xs font-bold text-white"
      data-testid="vote-badge"
      title={result.voters?.join(', ')}
    >
      {t('vote.badge', { count: result.votes })}
    </span>
  )
}

/**
 * Dot voting: the facilitator starts a vote on a kind of card; each participant places their
 * dots here (hidden from everyone, the facilitator included, until the reveal); then the
 * ranking shows here and the dots on the cards.
 */
export function VotePanel({ step }: { step: StepId }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const vote = useVote()
  const facilitator = session.role === 'facilitator'
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  /** The revealed vote this person folded away (their own screen only). */
  const [folded, setFolded] = useState<string | null>(null)
  const onThisStep = vote && STEP_OF[vote.target] === step
  const canStart = facilitator && (step === 'meeting1' || step === 'meeting4' || step === 'factors')
  if (!onThisStep && !canStart) return null
  const run = (action: Promise<unknown>) => {
    setError(null)
    action.catch((caught: unknown) => setError(errorText(caught)))
  }
  // The facilitator's way to start a vote stays folded, off the projected board.
  const startAnother = canStart && vote?.status !== 'open' && (
    <div className="grid gap-2" data-print="hide">
      <button
        type="button"
        aria-expanded={starting}
        onClick={() => setStarting(!starting)}
        className="justify-self-start font-semibold text-fuchsia-900"
      >
        {starting ? '▾' : '▸'} {onThisStep ? t('vote.startAnother') : t('vote.heading')}
      </button>
      {starting && <StartVote step={step} />}
    </div>
  )
  if (!onThisStep) {
    return <div className="mb-4 rounded-lg border border-fuchsia-200 bg-white p-2">{startAnother}</div>
  }
  if (vote.status === 'revealed' && folded === vote.id) {
    return (
      <div className="mb-4 flex flex-wrap items-center gap-3 rounded-lg border border-fuchsia-200 bg-white p-2">
        <p className="text-sm">{t('vote.revealed', { target: t(`vote.onTargets.${vote.target}`) })}</p>
        <button
          type="button"
          onClick={() => setFolded(null)}
          aria-expanded={false}
          className="min-h-8 rounded border border-fuchsia-800 px-2 text-sm text-fuchsia-900"
        >
          {t('vote.showRanking')}
        </button>
        {startAnother}
      </div>
    )
  }
  return (
    <section
      aria-labelledby="vote-heading"
      className="mb-4 grid gap-2 rounded-lg border-2 border-fuchsia-300 bg-white p-3"
      data-testid="vote-panel"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="vote-heading" className="font-semibold">
          {t('vote.heading')}
        </h2>
        {vote.status === 'revealed' && (
          <button
            type="button"
            onClick={() => setFolded(vote.id)}
            aria-expanded={true}
            className="min-h-8 rounded border border-slate-400 px-2 text-sm"
          >
            {t('vote.hideRanking')}
          </button>
        )}
      </div>
      {onThisStep && vote && (
        <p aria-live="polite" data-testid="vote-status">
          {vote.status === 'open'
            ? t('vote.open', {
                target: t(`vote.onTargets.${vote.target}`),
                answered: vote.answered,
                registered: vote.registered,
              })
            : t('vote.revealed', { target: t(`vote.onTargets.${vote.target}`) })}
        </p>
      )}
      {facilitator && onThisStep && vote?.status === 'open' && (
        <button
          type="button"
          onClick={() => run(facilitationApi.revealVote(session.workshopId, session.key, vote.id))}
          className="min-h-9 justify-self-start rounded bg-fuchsia-800 px-3 font-medium text-white"
        >
          {t('vote.reveal')}
        </button>
      )}
      {session.role === 'participant' && onThisStep && vote?.status === 'open' && (
        <DotBallotForm vote={vote} />
      )}
      {onThisStep && vote && (
        <WithheldNote
          closed={vote.status === 'revealed'}
          answered={vote.answered}
          minimumAnswers={vote.minimumAnswers ?? 0}
        />
      )}
      {onThisStep && vote?.results && (
        <ol className="grid gap-1" data-testid="vote-ranking">
          {vote.results.map((r) => (
            <li key={r.itemId} className="flex flex-wrap items-center gap-2">
              <span className="font-bold">{r.rank}.</span>
              <span>{vote.items.find((i) => i.id === r.itemId)?.title}</span>
              <span className="rounded-full bg-fuchsia-800 px-2 text-xs font-bold text-white">
                {t('vote.badge', { count: r.votes })}
              </span>
              {r.voters && r.voters.length > 0 && (
                <span className="text-sm text-slate-600">({r.voters.join(', ')})</span>
              )}
            </li>
          ))}
        </ol>
      )}
      {startAnother}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </section>
  )
}

/** The facilitator's form to start a dot vote on this step's cards. */
function StartVote({ step }: { step: StepId }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const targets = VOTE_TARGETS.filter((kind) => STEP_OF[kind] === step)
  const [target, setTarget] = useState<VoteTarget>(targets[0] ?? 'interventions')
  const [perPerson, setPerPerson] = useState(3)
  const [perItem, setPerItem] = useState(2)
  const [anonymous, setAnonymous] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const input = 'w-16 rounded border border-slate-300 px-1 py-0.5'
  const run = (action: Promise<unknown>) => {
    setError(null)
    action.catch((caught: unknown) => setError(errorText(caught)))
  }
  return (
    <>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1">
          {t('vote.on')}
          <select
            value={targets.includes(target) ? target : targets[0]}
            onChange={(e) => setTarget(e.target.value as VoteTarget)}
            className="rounded border border-slate-300 px-1 py-0.5"
          >
            {targets.map((kind) => (
              <option key={kind} value={kind}>
                {t(`vote.targets.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          {t('vote.perPerson')}
          <input
            type="number"
            min={1}
            max={20}
            value={perPerson}
            onChange={(e) => setPerPerson(Number(e.target.value))}
            className={input}
          />
        </label>
        <label className="flex items-center gap-1">
          {t('vote.perItem')}
          <input
            type="number"
            min={1}
            max={20}
            value={perItem}
            onChange={(e) => setPerItem(Number(e.target.value))}
            className={input}
          />
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('vote.anonymous')}
        </label>
        <button
          type="button"
          onClick={() =>
            run(
              facilitationApi.startVote(session.workshopId, session.key, {
                target: targets.includes(target) ? target : targets[0]!,
                votesPerPerson: perPerson,
                maxPerItem: Math.min(perItem, perPerson),
                anonymous,
              }),
            )
          }
          className="min-h-9 rounded bg-fuchsia-800 px-3 font-medium text-white"
        >
          {t('vote.start')}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </>
  )
}

function DotBallotForm({ vote }: { vote: PublishedVote }) {
  const { t } = useTranslation()
  const session = useSession()
  const own = useOwnBallot<Record<string, number>>(
    vote.id,
    {},
    {
      load: (token) =>
        facilitationApi
          .myVote(session.workshopId, session.key, vote.id, token)
          .then(({ ballot }) => ballot?.votes ?? null),
      save: (token, votes) =>
        facilitationApi.vote(session.workshopId, session.key, vote.id, token, { votes }),
      describe: (problems) =>
        (problems as DotProblem[]).map((p) => t(`vote.problems.${p.problem}`, p)).join(' '),
    },
  )
  const votes = own.ballot
  const used = Object.values(votes).reduce((a, b) => a + b, 0)
  const left = vote.votesPerPerson - used
  const change = (id: string, by: number) => own.edit({ ...votes, [id]: Math.max(0, (votes[id] ?? 0) + by) })
  return (
    <div className="grid gap-2">
      <p className="font-medium" aria-live="polite" data-testid="dots-left">
        {t('vote.left', { count: left })}
      </p>
      <ul className="grid gap-1">
        {vote.items.map((item) => {
          const mine = votes[item.id] ?? 0
          return (
            <li key={item.id} className="flex items-center gap-2" data-testid="vote-item">
              <button
                type="button"
                disabled={mine === 0}
                onClick={() => change(item.id, -1)}
                aria-label={t('vote.remove', { title: item.title })}
                className="size-9 rounded border border-slate-400 disabled:opacity-40"
              >
                −
              </button>
              <span className="w-8 text-center font-bold">
                <span aria-hidden="true">{'●'.repeat(mine) || '0'}</span>
                <span className="sr-only">{t('vote.mine', { count: mine, title: item.title })}</span>
              </span>
              <button
                type="button"
                disabled={left <= 0 || mine >= vote.maxPerItem}
                onClick={() => change(item.id, 1)}
                aria-label={t('vote.add', { title: item.title })}
                className="size-9 rounded border border-slate-400 disabled:opacity-40"
              >
                +
              </button>
              <span>{item.title}</span>
            </li>
          )
        })}
      </ul>
      <button
        type="button"
        onClick={() => void own.submit()}
        className="min-h-9 justify-self-start rounded bg-fuchsia-800 px-3 font-medium text-white"
      >
        {t('vote.save')}
      </button>
      <BallotStatus error={own.error} saved={own.saved} savedText={t('vote.saved')} testId="vote-saved" />
    </div>
  )
}
