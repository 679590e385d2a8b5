import { useTranslation } from '../../i18n/translation.tsx'
import { InterventionsBoard } from './InterventionsBoard.tsx'
import { JourneyMap } from './JourneyMap.tsx'
import { PerimeterPanel } from './PerimeterPanel.tsx'

/** Meeting 1, Perimeter: pains and data along the journey, macro interventions, the scope. */
export function Meeting1Step() {
  const { t } = useTranslation()
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.meeting1.title')}</h2>
        <p className="text-slate-700">{t('steps.meeting1.purpose')}</p>
      </div>
      <JourneyMap />
      <div className="grid items-start gap-6 xl:grid-cols-[2fr_1fr]">
        <InterventionsBoard />
        <PerimeterPanel />
      </div>
    </div>
  )
}
