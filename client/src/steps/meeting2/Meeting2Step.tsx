import { useState } from 'react'
import { controlMap, readSurvey } from '../../../../shared/schema/control.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { SurveyResultsView } from '../survey/SurveyResultsView.tsx'
import { useMeeting2Board } from './board.ts'
import { MaterialityMatrix } from './MaterialityMatrix.tsx'
import { MatrixTools } from './MatrixTools.tsx'
import { PositionsTable } from './PositionsTable.tsx'
import { PriorityAreas } from './PriorityAreas.tsx'
import { RaciTable } from './RaciTable.tsx'
import { ScoringRound } from './ScoringRound.tsx'

/** Meeting 2, Priorities and roles: the survey debrief, the materiality matrix, the priority areas, the RACI. */
export function Meeting2Step() {
  const { t } = useTranslation()
  const session = useSession()
  const survey = useYValue(controlMap(session.control), () => readSurvey(session.control))
  const board = useMeeting2Board()
  const [showSpread, setShowSpread] = useState(true)
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.meeting2.title')}</h2>
        <p className="text-slate-700">{t('steps.meeting2.purpose')}</p>
      </div>
      <details open className="rounded-lg border border-slate-200 bg-white p-4" data-testid="survey-debrief">
        <summary className="cursor-pointer text-xl font-semibold">{t('meeting2.debrief.heading')}</summary>
        <div className="mt-3">
          {survey?.status === 'closed' && survey.results ? (
            <SurveyResultsView survey={survey} />
          ) : (
            <p className="text-slate-700">
              {survey ? t('meeting2.debrief.stillOpen') : t('meeting2.debrief.none')}
            </p>
          )}
        </div>
      </details>
      <section
        aria-labelledby="matrix-heading"
        className="grid grid-cols-[minmax(0,1fr)] gap-4 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h3 id="matrix-heading" className="text-xl font-semibold">
          {t('meeting2.matrix.heading')}
        </h3>
        {board.interventions.length === 0 ? (
          <p className="text-slate-700">{t('meeting2.matrix.noInterventions')}</p>
        ) : (
          <div className="grid grid-cols-[minmax(0,1fr)] gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="grid content-start gap-3">
              <MaterialityMatrix board={board} showSpread={showSpread} />
              {board.round?.status === 'revealed' && (
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={showSpread}
                    onChange={(e) => setShowSpread(e.target.checked)}
                  />
                  {t('meeting2.matrix.showSpread')}
                </label>
              )}
            </div>
            <div className="grid content-start gap-4">
              <MatrixTools board={board} />
              <ScoringRound board={board} />
              <PriorityAreas board={board} />
            </div>
            <div className="xl:col-span-2">
              <PositionsTable board={board} />
            </div>
          </div>
        )}
      </section>
      <RaciTable board={board} />
    </div>
  )
}
