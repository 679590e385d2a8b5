import { exportWorkshop } from '../../../../shared/schema/workshop-export.ts'
import { useDocValue, useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { CoverageView } from './CoverageView.tsx'
import { ExportButtons } from './ExportButtons.tsx'
import { Report } from './Report.tsx'
import { WebhooksPanel } from './WebhooksPanel.tsx'

/** Outputs: exports at any moment, the traceability chain, and the printable report. */
export function OutputsStep() {
  const { t } = useTranslation()
  const session = useSession()
  const data = useDocValue([session.content, session.control], () =>
    exportWorkshop(session.content, session.control),
  )
  return (
    <div className="grid gap-6">
      <div data-print="hide">
        <h2 className="text-2xl font-semibold">{t('steps.outputs.title')}</h2>
        <p className="text-slate-700">{t('steps.outputs.purpose')}</p>
      </div>
      <ExportButtons />
      {session.role === 'facilitator' && !session.keyReadOnly && <WebhooksPanel />}
      <CoverageView data={data} />
      <Report data={data} />
    </div>
  )
}
