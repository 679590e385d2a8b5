import type { StepId } from '../../../shared/steps.ts'
import { Meeting1Step } from '../steps/meeting1/Meeting1Step.tsx'
import { Meeting2Step } from '../steps/meeting2/Meeting2Step.tsx'
import { Meeting3Step } from '../steps/meeting3/Meeting3Step.tsx'
import { Meeting4Step } from '../steps/meeting4/Meeting4Step.tsx'
import { OutputsStep } from '../steps/outputs/OutputsStep.tsx'
import { SetupStep } from '../steps/setup/SetupStep.tsx'
import { SurveyStep } from '../steps/survey/SurveyStep.tsx'
import { CultureStep } from '../steps/vision/CultureStep.tsx'
import { FactorsStep } from '../steps/vision/FactorsStep.tsx'
import { PersonasStep } from '../steps/vision/PersonasStep.tsx'
import { VisionReportStep } from '../steps/vision/VisionReportStep.tsx'

/** The page of one step. */
export function StepView({ step }: { step: StepId }) {
  switch (step) {
    case 'setup':
      return <SetupStep />
    case 'meeting1':
      return <Meeting1Step />
    case 'survey':
      return <SurveyStep />
    case 'meeting2':
      return <Meeting2Step />
    case 'meeting3':
      return <Meeting3Step />
    case 'meeting4':
      return <Meeting4Step />
    case 'outputs':
      return <OutputsStep />
    case 'factors':
      return <FactorsStep />
    case 'culture':
      return <CultureStep />
    case 'personas':
      return <PersonasStep />
    case 'vision':
      return <VisionReportStep />
  }
}
