import { actionsInCycles, classifyAction } from '../../../../shared/domain/actions.ts'
import {
  actionMatrixMap,
  dependenciesOf,
  readActions,
  readActionThresholds,
  readMetrics,
} from '../../../../shared/schema/actions.ts'
import { controlMap, readDebriefCard, readPriorities } from '../../../../shared/schema/control.ts'
import { readInterventions } from '../../../../shared/schema/interventions.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'

export const UNASSIGNED = ''

/** What meeting 3's panels read: the cards, their areas, quadrants, metrics and the debrief card. */
export function useMeeting3Board() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const actions = useYValue(recordsOf(doc, 'actions'), () => readActions(doc))
  const metrics = useYValue(recordsOf(doc, 'metrics'), () => readMetrics(doc))
  const interventions = useYValue(recordsOf(doc, 'interventions'), () => readInterventions(doc))
  const thresholds = useYValue(actionMatrixMap(doc), () => readActionThresholds(doc))
  const control = controlMap(session.control)
  const confirmed = useYValue(control, () => readPriorities(session.control))
  const debriefCard = useYValue(control, () => readDebriefCard(session.control))
  const areaIds = confirmed.filter((id) => interventions.some((i) => i.id === id))
  const areaOf = (areaId: string | null) => (areaId && areaIds.includes(areaId) ? areaId : UNASSIGNED)
  const areaName = (areaId: string) =>
    areaId === UNASSIGNED
      ? t('meeting3.unassigned')
      : interventions.find((i) => i.id === areaId)?.title || t('meeting1.interventions.untitled')
  const quadrants = Object.fromEntries(actions.map((a) => [a.id, classifyAction(a.scores, thresholds)]))
  const numberOf = (id: string) => actions.findIndex((a) => a.id === id) + 1
  const titleOf = (id: string) => actions.find((a) => a.id === id)?.title || t('meeting3.card.untitled')
  return {
    actions,
    metrics,
    thresholds,
    areaIds,
    areaOf,
    areaName,
    quadrants,
    inCycles: actionsInCycles(dependenciesOf(actions)),
    debriefCard: actions.some((a) => a.id === debriefCard) ? debriefCard : null,
    numberOf,
    titleOf,
  }
}

export type Meeting3Board = ReturnType<typeof useMeeting3Board>

/** Colour plus a word for each quadrant: colour is never the only signal. */
export const QUADRANT_TONE: Record<string, string> = {
  'quick-win': 'border-emerald-900 bg-emerald-700',
  investment: 'border-sky-900 bg-sky-700',
  minor: 'border-slate-700 bg-slate-500',
  deprioritise: 'border-amber-900 bg-amber-700',
}
