import { useTranslation } from '../../i18n/translation.tsx'
import { useMeeting4Board } from './board.ts'
import { GoldenRules } from './GoldenRules.tsx'
import { KpiSet } from './KpiSet.tsx'
import { PipelineBoard } from './PipelineBoard.tsx'

/** Meeting 4, Pipeline: the actions in waves over time, the KPI set, the customer golden rules. */
export function Meeting4Step() {
  const { t } = useTranslation()
  const board = useMeeting4Board()
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.meeting4.title')}</h2>
        <p className="text-slate-700">{t('steps.meeting4.purpose')}</p>
      </div>
      <PipelineBoard board={board} />
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <KpiSet board={board} />
        <GoldenRules board={board} />
      </div>
    </div>
  )
}
