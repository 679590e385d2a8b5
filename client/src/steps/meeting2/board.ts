import { type Placed, suggestPriorities } from '../../../../shared/domain/materiality.ts'
import { controlMap, readPriorities, readScoringRound } from '../../../../shared/schema/control.ts'
import { type Intervention, readInterventions } from '../../../../shared/schema/interventions.ts'
import {
  materialityMap,
  readMatrixPositions,
  readMatrixSettings,
} from '../../../../shared/schema/materiality.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'

/** Everything the meeting 2 panels read, in one place: interventions, positions, settings, priorities. */
export function useMeeting2Board() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const interventions = useYValue(recordsOf(doc, 'interventions'), () => readInterventions(doc))
  const positions = useYValue(recordsOf(doc, 'interventions'), () => readMatrixPositions(doc))
  const settings = useYValue(materialityMap(doc), () => readMatrixSettings(doc))
  const control = controlMap(session.control)
  const confirmed = useYValue(control, () => readPriorities(session.control))
  const round = useYValue(control, () => readScoringRound(session.control))
  const known = new Set(interventions.map((i) => i.id))
  const priorities = confirmed.filter((id) => known.has(id))
  const placed: Placed[] = interventions.flatMap((i) => {
    const point = positions[i.id]
    return point ? [{ id: i.id, ...point }] : []
  })
  const numberOf = (id: string) => interventions.findIndex((i) => i.id === id) + 1
  const titleOf = (id: string) =>
    interventions.find((i) => i.id === id)?.title || t('meeting1.interventions.untitled')
  return {
    interventions,
    positions,
    placed,
    settings,
    xLabel: settings.xLabel ?? t('meeting2.matrix.xDefault'),
    yLabel: settings.yLabel ?? t('meeting2.matrix.yDefault'),
    priorities,
    suggestion: suggestPriorities(placed, settings.threshold),
    round,
    numberOf,
    titleOf,
  }
}

export type Meeting2Board = ReturnType<typeof useMeeting2Board>
export type { Intervention }
