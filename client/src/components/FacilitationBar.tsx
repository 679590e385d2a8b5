import { useState } from 'react'
import {
  controlMap,
  readControl,
  readLocks,
  setStepLocked,
  summonEveryone,
} from '../../../shared/schema/control.ts'
import type { StepId } from '../../../shared/steps.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useUi } from '../state/ui.ts'
import { LockIcon } from './icons.tsx'
import { RoomTimer } from './RoomTimer.tsx'

/**
 * How the facilitator steers the room, under the steps: follow / bring everyone here, the step
 * lock, the timer, and the readiness panel; plus each person's own display choices.
 */
export function FacilitationBar({ step }: { step: StepId }) {
  const { t } = useTranslation()
  const session = useSession()
  const control = controlMap(session.control)
  const leaderStep = useYValue(control, () => readControl(session.control).step)
  const locks = useYValue(control, () => readLocks(session.control))
  const following = useUi((s) => s.following)
  const setFollowing = useUi((s) => s.setFollowing)
  const setStep = useUi((s) => s.setStep)
  const presentation = useUi((s) => s.presentation)
  const setPresentation = useUi((s) => s.setPresentation)
  const showCursors = useUi((s) => s.showCursors)
  const setShowCursors = useUi((s) => s.setShowCursors)
  const readinessOpen = useUi((s) => s.readinessOpen)
  const setReadinessOpen = useUi((s) => s.setReadinessOpen)
  const historyOpen = useUi((s) => s.historyOpen)
  const setHistoryOpen = useUi((s) => s.setHistoryOpen)
  const [moreOpen, setMoreOpen] = useState(false)
  const facilitator = session.role === 'facilitator'
  const locked = locks.includes(step)
  const button = 'min-h-8 rounded border px-2 text-sm'
  return (
    <section
      aria-label={t('facilitation.label')}
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-slate-100 px-4 py-2"
      data-print="hide"
    >
      {facilitator ? (
        <button
          type="button"
          onClick={() => summonEveryone(session.control)}
          className={`${button} border-indigo-700 bg-white font-semibold text-indigo-900`}
        >
          {t('facilitation.bringEveryone')}
        </button>
      ) : following ? (
        <p
          role="status"
          className="rounded-full bg-indigo-100 px-3 py-0.5 text-sm font-medium text-indigo-950"
          data-testid="following"
        >
          ● {t('facilitation.following')}
        </p>
      ) : (
        <button
          type="button"
          onClick={() => {
            setFollowing(true)
            setStep(leaderStep)
          }}
          className={`${button} border-indigo-700 bg-white text-indigo-900`}
          data-testid="follow-again"
        >
          {t('facilitation.followAgain', { step: t(`steps.${leaderStep}.short`) })}
        </button>
      )}
      {facilitator ? (
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={locked}
            onChange={(e) => setStepLocked(session.control, step, e.target.checked)}
          />
          {t('facilitation.lock')}
        </label>
      ) : (
        locked && (
          <p
            role="status"
            className="rounded bg-amber-100 px-2 py-0.5 text-sm font-medium text-amber-950"
            data-testid="locked"
          >
            <LockIcon /> {t('facilitation.locked')}
          </p>
        )
      )}
      <RoomTimer step={step} />
      <button
        type="button"
        aria-expanded={moreOpen}
        onClick={() => setMoreOpen(!moreOpen)}
        className={`${button} border-slate-500 bg-white sm:hidden`}
      >
        {t('facilitation.more')}
      </button>
      <div className={`${moreOpen ? 'flex' : 'hidden'} ml-auto flex-wrap items-center gap-3 sm:flex`}>
        {facilitator && (
          <button
            type="button"
            aria-expanded={readinessOpen}
            onClick={() => setReadinessOpen(!readinessOpen)}
            className={`${button} border-slate-500 bg-white`}
          >
            {t('facilitation.readiness')}
          </button>
        )}
        {facilitator && (
          <button
            type="button"
            aria-expanded={historyOpen}
            aria-controls="history-panel"
            onClick={() => setHistoryOpen(!historyOpen)}
            className={`${button} border-slate-500 bg-white`}
          >
            {t('facilitation.history')}
          </button>
        )}
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={showCursors} onChange={(e) => setShowCursors(e.target.checked)} />
          {t('facilitation.cursors')}
        </label>
        <button
          type="button"
          aria-pressed={presentation}
          onClick={() => setPresentation(!presentation)}
          className={`${button} ${presentation ? 'border-indigo-900 bg-indigo-800 text-white' : 'border-slate-500 bg-white'}`}
        >
          {t('facilitation.presentation')}
        </button>
      </div>
    </section>
  )
}
