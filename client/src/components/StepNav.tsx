import { controlMap, readControl, setFacilitatorStep } from '../../../shared/schema/control.ts'
import { metaMap, readMeta } from '../../../shared/schema/meta.ts'
import { type StepId, stepsFor } from '../../../shared/steps.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useUi } from '../state/ui.ts'
import { usePreloadSteps } from './StepView.tsx'

/**
 * The method's steps as navigation. The facilitator's choice is shared in the control document.
 * Given `shown` and `onChoose` (a saved version's read-only view), it only moves between steps.
 */
export function StepNav({ shown, onChoose }: { shown?: StepId; onChoose?: (step: StepId) => void } = {}) {
  const { t } = useTranslation()
  const session = useSession()
  const uiStep = useUi((s) => s.step)
  const setStep = useUi((s) => s.setStep)
  const step = shown ?? uiStep
  const kind = useYValue(metaMap(session.content), () => readMeta(session.content).kind)
  const setFollowing = useUi((s) => s.setFollowing)
  const leaderStep = useYValue(controlMap(session.control), () => readControl(session.control).step)
  // The board (not the phone survey link, which has no navigation) fetches the other steps early.
  usePreloadSteps(stepsFor(kind))
  return (
    <nav aria-label={t('steps.label')} className="overflow-x-auto border-b border-slate-200 bg-white">
      <ol className="flex min-w-max gap-1 px-4">
        {stepsFor(kind).map((id, index) => (
          <li key={id}>
            <button
              type="button"
              aria-current={step === id ? 'step' : undefined}
              onClick={() => {
                if (onChoose) return onChoose(id)
                setStep(id)
                if (session.role === 'facilitator') setFacilitatorStep(session.control, id)
                // Choosing another step than the facilitator's is stepping away; theirs is following.
                else setFollowing(id === leaderStep)
              }}
              className="border-b-4 border-transparent px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50 aria-[current=step]:border-indigo-700 aria-[current=step]:text-indigo-900"
            >
              <span className="text-slate-500">{index + 1}.</span> {t(`steps.${id}.title`)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
