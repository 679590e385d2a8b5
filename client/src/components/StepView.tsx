import { type ComponentType, lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import type { StepId } from '../../../shared/steps.ts'

/** Each step is its own chunk: a phone opening the survey link loads the survey, not the board. */
const step = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })))

const STEPS: Record<StepId, ComponentType> = {
  setup: step(() => import('../steps/setup/SetupStep.tsx'), 'SetupStep'),
  meeting1: step(() => import('../steps/meeting1/Meeting1Step.tsx'), 'Meeting1Step'),
  survey: step(() => import('../steps/survey/SurveyStep.tsx'), 'SurveyStep'),
  meeting2: step(() => import('../steps/meeting2/Meeting2Step.tsx'), 'Meeting2Step'),
  meeting3: step(() => import('../steps/meeting3/Meeting3Step.tsx'), 'Meeting3Step'),
  meeting4: step(() => import('../steps/meeting4/Meeting4Step.tsx'), 'Meeting4Step'),
  outputs: step(() => import('../steps/outputs/OutputsStep.tsx'), 'OutputsStep'),
  factors: step(() => import('../steps/vision/FactorsStep.tsx'), 'FactorsStep'),
  culture: step(() => import('../steps/vision/CultureStep.tsx'), 'CultureStep'),
  personas: step(() => import('../steps/vision/PersonasStep.tsx'), 'PersonasStep'),
  vision: step(() => import('../steps/vision/VisionReportStep.tsx'), 'VisionReportStep'),
}

/** What the survey link for phones shows (see steps/survey/PhoneSurvey.tsx), in its own chunk too. */
export const PhoneSurvey = step(() => import('../steps/survey/PhoneSurvey.tsx'), 'PhoneSurvey')

export function StepLoading() {
  const { t } = useTranslation()
  return (
    <p className="p-4 text-slate-600" data-testid="step-loading">
      {t('workshop.loading')}
    </p>
  )
}

/** The page of one step. */
export function StepView({ step: id }: { step: StepId }) {
  const Step = STEPS[id]
  return (
    <Suspense fallback={<StepLoading />}>
      <Step />
    </Suspense>
  )
}
