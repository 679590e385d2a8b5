import { useTranslation } from '../../i18n/translation.tsx'
import { ExportButtons } from '../outputs/ExportButtons.tsx'
import { ActionsFollowUp } from './ActionsFollowUp.tsx'
import { AttentionList } from './AttentionList.tsx'
import { useFollowUpBoard } from './board.ts'
import { FollowUpSettingsPanel } from './FollowUpSettingsPanel.tsx'
import { KpiReadings } from './KpiReadings.tsx'
import { ReviewPanel } from './ReviewPanel.tsx'

const FOLLOW_UP_FILES = ['workshop.xlsx', 'action-updates.csv', 'kpi-readings.csv', 'report.pdf']

/**
 * Follow-up, for the weeks after meeting 4: owners say where their actions stand, the group
 * records the KPIs as they are measured, and what needs attention is the next review's agenda.
 */
export function FollowUpStep() {
  const { t } = useTranslation()
  const board = useFollowUpBoard()
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.followup.title')}</h2>
        <p className="text-slate-700">{t('steps.followup.purpose')}</p>
      </div>
      <FollowUpSettingsPanel board={board} />
      <AttentionList board={board} />
      <ReviewPanel board={board} />
      <ActionsFollowUp board={board} />
      <KpiReadings board={board} />
      <ExportButtons files={FOLLOW_UP_FILES} />
    </div>
  )
}
