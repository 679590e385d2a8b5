import { classifyAction, constraintScore } from '../../../../shared/domain/actions.ts'
import {
  actionMatrixMap,
  readActions,
  readActionThresholds,
  readMetrics,
} from '../../../../shared/schema/actions.ts'
import { readGoldenRules } from '../../../../shared/schema/golden-rules.ts'
import { readKpis } from '../../../../shared/schema/kpis.ts'
import { readPipeline, readWaves } from '../../../../shared/schema/pipeline.ts'
import { raciMap, readRaciCells } from '../../../../shared/schema/raci.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'

/** What meeting 4's panels read: actions with their quadrant, waves, pipeline, KPIs, rules. */
export function useMeeting4Board() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const actions = useYValue(recordsOf(doc, 'actions'), () => readActions(doc))
  const thresholds = useYValue(actionMatrixMap(doc), () => readActionThresholds(doc))
  const metrics = useYValue(recordsOf(doc, 'metrics'), () => readMetrics(doc))
  const waves = useYValue(recordsOf(doc, 'waves'), () => readWaves(doc))
  const pipeline = useYValue(recordsOf(doc, 'pipeline'), () => readPipeline(doc))
  const kpis = useYValue(recordsOf(doc, 'kpis'), () => readKpis(doc))
  const rules = useYValue(recordsOf(doc, 'goldenRules'), () => readGoldenRules(doc))
  const raci = useYValue(raciMap(doc), () => readRaciCells(doc))
  const quadrants = Object.fromEntries(actions.map((a) => [a.id, classifyAction(a.scores, thresholds)]))
  const titleOf = (id: string) => actions.find((a) => a.id === id)?.title || t('meeting3.card.untitled')
  const numberOf = (id: string) => actions.findIndex((a) => a.id === id) + 1
  return {
    actions,
    metrics,
    waves,
    pipeline,
    kpis,
    rules,
    raci,
    quadrants,
    constraintOf: (id: string) => {
      const action = actions.find((a) => a.id === id)
      return action ? constraintScore(action.scores) : null
    },
    titleOf,
    numberOf,
  }
}

export type Meeting4Board = ReturnType<typeof useMeeting4Board>
