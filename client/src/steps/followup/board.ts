import { classifyAction } from '../../../../shared/domain/actions.ts'
import { type Attention, needsAttention } from '../../../../shared/domain/follow-up/attention.ts'
import { progressOf } from '../../../../shared/domain/follow-up/progress.ts'
import { changesSince, lastReview } from '../../../../shared/domain/follow-up/review.ts'
import { actionMatrixMap, readActions, readActionThresholds } from '../../../../shared/schema/actions.ts'
import {
  ACTION_UPDATES,
  KPI_READINGS,
  REVIEWS,
  readActionUpdates,
  readFollowUpSettings,
  readKpiReadings,
  readReviews,
} from '../../../../shared/schema/follow-up.ts'
import { readKpis } from '../../../../shared/schema/kpis.ts'
import { metaMap, readMeta } from '../../../../shared/schema/meta.ts'
import { readPipeline, readWaves } from '../../../../shared/schema/pipeline.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { readNamedList } from '../../../../shared/schema/setup.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { localToday } from '../../lib/follow-up-api.ts'

/** What the follow-up reads: the pipeline with each action's progress, the KPIs and their readings. */
export function useFollowUpBoard() {
  const { t } = useTranslation()
  const doc = useSession().content
  const actions = useYValue(recordsOf(doc, 'actions'), () => readActions(doc))
  const thresholds = useYValue(actionMatrixMap(doc), () => readActionThresholds(doc))
  const waves = useYValue(recordsOf(doc, 'waves'), () => readWaves(doc))
  const units = useYValue(recordsOf(doc, 'units'), () => readNamedList(doc, 'units'))
  const pipeline = useYValue(recordsOf(doc, 'pipeline'), () => readPipeline(doc))
  const kpis = useYValue(recordsOf(doc, 'kpis'), () => readKpis(doc))
  const updates = useYValue(recordsOf(doc, ACTION_UPDATES), () => readActionUpdates(doc))
  const readings = useYValue(recordsOf(doc, KPI_READINGS), () => readKpiReadings(doc))
  const reviews = useYValue(recordsOf(doc, REVIEWS), () => readReviews(doc))
  const meta = useYValue(metaMap(doc), () => {
    const createdAt = metaMap(doc).get('createdAt')
    return {
      language: readMeta(doc).language,
      createdAt: typeof createdAt === 'number' ? createdAt : Date.now(),
      settings: readFollowUpSettings(doc),
    }
  })
  const today = localToday()
  const since = meta.settings.since ?? new Date(meta.createdAt).toISOString().slice(0, 10)

  const titleOf = (actionId: string) =>
    actions.find((a) => a.id === actionId)?.title || t('meeting3.card.untitled')
  const entries = pipeline.map((entry) => {
    const action = actions.find((a) => a.id === entry.actionId)
    return {
      ...entry,
      title: titleOf(entry.actionId),
      quickWin: action ? classifyAction(action.scores, thresholds) === 'quick-win' : false,
      waveName: waves.find((w) => w.id === entry.waveId)?.name ?? '',
      unitName: units.find((u) => u.id === entry.unitId)?.name ?? '',
      kpiIds: kpis.filter((k) => k.actionIds.includes(entry.actionId)).map((k) => k.id),
      progress: progressOf(entry, updates),
    }
  })
  const attention: Attention[] = needsAttention({
    today,
    since,
    staleWeeks: meta.settings.staleWeeks,
    language: meta.language,
    actions: entries.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.progress.status,
      due: e.due,
      quickWin: e.quickWin,
      kpiIds: e.kpiIds,
    })),
    updates: updates.map((u) => ({ ...u, actionId: u.entryId })),
    kpis,
    readings,
  })
  const changes = changesSince({
    since: lastReview(reviews),
    entries: pipeline,
    updates,
    kpis,
    readings,
    language: meta.language,
  })
  return { entries, kpis, readings, updates, attention, reviews, changes, today, since, ...meta }
}

export type FollowUpBoard = ReturnType<typeof useFollowUpBoard>
export type FollowedEntry = FollowUpBoard['entries'][number]
