import { useState } from 'react'
import { computeCes, computeNps, type NpsBand, npsBand } from '../../../../shared/domain/nps.ts'
import { readStageData } from '../../../../shared/schema/journey-data.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import type { NamedItem } from '../../../../shared/schema/setup.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { StageDataDialog } from './StageDataDialog.tsx'

const BAND_STYLE: Record<NpsBand, string> = {
  critical: 'bg-red-700 text-white',
  weak: 'bg-orange-400 text-slate-950',
  fair: 'bg-yellow-200 text-slate-950',
  good: 'bg-emerald-600 text-white',
}

/** NPS and CES above each stage, coloured so the weakest stages stand out on a projector. */
export function JourneyDataStrip({ stages }: { stages: NamedItem[] }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const data = useYValue(recordsOf(doc, 'stageData'), () => [...readStageData(doc).values()])
  const [editing, setEditing] = useState<NamedItem | null>(null)
  return (
    <>
      {stages.map((stage) => {
        const figures = data.find((d) => d.stageId === stage.id)
        const nps = figures?.nps ? computeNps(figures.nps) : undefined
        const ces = figures?.ces ? computeCes(figures.ces) : undefined
        const band = nps ? BAND_STYLE[npsBand(nps.nps)] : 'bg-white text-slate-600'
        return (
          <div
            key={stage.id}
            data-testid="stage-data"
            data-stage={stage.name}
            className={`flex items-center gap-2 rounded-lg border border-slate-200 px-2 py-1 text-sm ${band}`}
          >
            <div className="flex-1">
              <p className="font-semibold" data-testid="nps">
                {nps
                  ? t('meeting1.data.nps', { value: nps.nps > 0 ? `+${nps.nps}` : nps.nps })
                  : t('meeting1.data.noNps')}
              </p>
              <p className="text-xs">
                {nps && t('meeting1.data.sample', { n: nps.n })}
                {nps?.smallSample && (
                  <span className="ml-1 font-semibold" title={t('meeting1.data.smallSampleHint')}>
                    ⚠ {t('meeting1.data.smallSample')}
                  </span>
                )}
              </p>
              {ces && (
                <p className="text-xs" data-testid="ces">
                  {t('meeting1.data.ces', { value: ces.mean, n: ces.n })}
                  {ces.smallSample && ` ⚠ ${t('meeting1.data.smallSample')}`}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={() => setEditing(stage)}
              aria-label={t('meeting1.data.editFor', { stage: stage.name })}
              className="rounded border border-current px-2 py-0.5 text-xs font-medium"
            >
              {t('meeting1.data.edit')}
            </button>
          </div>
        )
      })}
      {editing && <StageDataDialog stage={editing} onClose={() => setEditing(null)} />}
    </>
  )
}
