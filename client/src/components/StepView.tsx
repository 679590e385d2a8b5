import { useTranslation } from 'react-i18next'
import type { StepId } from '../../../shared/steps.ts'
import { Meeting1Step } from '../steps/meeting1/Meeting1Step.tsx'
import { Meeting2Step } from '../steps/meeting2/Meeting2Step.tsx'
import { Meeting3Step } from '../steps/meeting3/Meeting3Step.tsx'
import { Meeting4Step } from '../steps/meeting4/Meeting4Step.tsx'
import { SetupStep } from '../steps/setup/SetupStep.tsx'
import { SurveyStep } from '../steps/survey/SurveyStep.tsx'

/** The page of one step. Steps built by later issues say so plainly instead of showing fake content. */
export function StepView({ step }: { step: StepId }) {
  const { t } = useTranslation()
  if (step === 'setup') return <SetupStep />
  if (step === 'meeting1') return <Meeting1Step />
  if (step === 'survey') return <SurveyStep />
  if (step === 'meeting2') return <Meeting2Step />
  if (step === 'meeting3') return <Meeting3Step />
  if (step === 'meeting4') return <Meeting4Step />
  return (
    <section
      aria-labelledby="step-heading"
      className="mx-auto max-w-3xl rounded-lg border border-dashed border-slate-300 bg-white p-8"
    >
      <h2 id="step-heading" className="mb-2 text-2xl font-semibold">
        {t(`steps.${step}.title`)}
      </h2>
      <p className="mb-4 font-medium text-amber-800">{t('steps.notYetAvailable')}</p>
      <p className="text-slate-700">{t(`steps.${step}.purpose`)}</p>
    </section>
  )
}
