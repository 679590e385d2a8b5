import { type ComponentType, lazy, Suspense, useEffect } from 'react'
import type { StepId } from '../../../shared/steps.ts'
import { useTranslation } from '../i18n/translation.tsx'

type LazyStep = { Lazy: ComponentType; loaded: () => ComponentType | null; preload: () => Promise<void> }

/**
 * Each step is its own chunk: a phone opening the survey link loads the survey, not the board.
 * Once a step's chunk is in, the step renders directly instead of through React.lazy: a lazy
 * component suspends at its first render even when its chunk is already loaded, and React holds
 * a revealed Suspense boundary back for up to 300 ms, which every first visit of a step paid.
 */
function step<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyStep {
  let loaded: ComponentType | null = null
  let pending: Promise<void> | null = null
  const preload = () => {
    pending ??= load().then(
      (module) => {
        loaded = module[name]
      },
      (error) => {
        pending = null // the next attempt (opening the step, or a retry) fetches again
        throw error
      },
    )
    return pending
  }
  const Lazy = lazy(() => preload().then(() => ({ default: loaded as ComponentType })))
  return { Lazy, loaded: () => loaded, preload }
}

function LoadedStep({ step }: { step: LazyStep }) {
  const Loaded = step.loaded()
  return Loaded ? <Loaded /> : <step.Lazy />
}

const STEPS: Record<StepId, LazyStep> = {
  setup: step(() => import('../steps/setup/SetupStep.tsx'), 'SetupStep'),
  meeting1: step(() => import('../steps/meeting1/Meeting1Step.tsx'), 'Meeting1Step'),
  survey: step(() => import('../steps/survey/SurveyStep.tsx'), 'SurveyStep'),
  meeting2: step(() => import('../steps/meeting2/Meeting2Step.tsx'), 'Meeting2Step'),
  meeting3: step(() => import('../steps/meeting3/Meeting3Step.tsx'), 'Meeting3Step'),
  meeting4: step(() => import('../steps/meeting4/Meeting4Step.tsx'), 'Meeting4Step'),
  outputs: step(() => import('../steps/outputs/OutputsStep.tsx'), 'OutputsStep'),
  followup: step(() => import('../steps/followup/FollowUpStep.tsx'), 'FollowUpStep'),
  factors: step(() => import('../steps/vision/FactorsStep.tsx'), 'FactorsStep'),
  culture: step(() => import('../steps/vision/CultureStep.tsx'), 'CultureStep'),
  personas: step(() => import('../steps/vision/PersonasStep.tsx'), 'PersonasStep'),
  vision: step(() => import('../steps/vision/VisionReportStep.tsx'), 'VisionReportStep'),
}

/** What the survey link for phones shows (see steps/survey/PhoneSurvey.tsx), in its own chunk too. */
export const PhoneSurvey = step(() => import('../steps/survey/PhoneSurvey.tsx'), 'PhoneSurvey').Lazy
/** What the "my actions" link for phones shows: the follow-up of the person's own actions. */
export const MyActions = step(() => import('../steps/followup/MyActions.tsx'), 'MyActions').Lazy

export function StepLoading() {
  const { t } = useTranslation()
  return (
    <p className="p-4 text-slate-600" data-testid="step-loading">
      {t('workshop.loading')}
    </p>
  )
}

/**
 * Loads the chunks of `steps` when the browser is idle, one after the other, so that moving to
 * the next meeting does not wait for the network. Only on the board (not the phone survey link).
 */
export function usePreloadSteps(steps: readonly StepId[]): void {
  useEffect(() => {
    let cancelled = false
    const idle = (next: () => void) =>
      'requestIdleCallback' in window
        ? window.requestIdleCallback(next, { timeout: 2000 })
        : setTimeout(next, 200)
    const loadFrom = (index: number) => {
      const id = steps[index]
      if (cancelled || !id) return
      STEPS[id]
        .preload()
        .catch(() => {}) // a failed prefetch is retried by the step itself when opened
        .then(() => idle(() => loadFrom(index + 1)))
    }
    idle(() => loadFrom(0))
    return () => {
      cancelled = true
    }
  }, [steps])
}

/** The page of one step. */
export function StepView({ step: id }: { step: StepId }) {
  return (
    <Suspense fallback={<StepLoading />}>
      <LoadedStep step={STEPS[id]} />
    </Suspense>
  )
}
