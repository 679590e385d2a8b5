/**
 * The programme dashboard: the improvement groups of one organisation side by side, built from
 * each group's JSON export. One pipeline and one KPI table across the groups, and the load of
 * each unit (RACI R and A) summed over all of them, which shows an overloaded unit. Pure.
 */
import { classifyAction } from '../domain/actions.ts'
import { coverage } from '../domain/coverage.ts'
import { needsAttention } from '../domain/follow-up/attention.ts'
import { progressOf, sameName } from '../domain/follow-up/progress.ts'
import { kpiTrack, type TrackState } from '../domain/follow-up/readings.ts'
import { type PipelineStatus, STATUSES } from '../domain/pipeline.ts'
import type { Language } from '../i18n-language.ts'
import type { WorkshopExport } from '../schema/workshop-export.ts'
import type { StepId } from '../steps.ts'

export type ProgrammeGroupInput = { workshopId: string; step: StepId; data: WorkshopExport }

export type GroupSummary = {
  workshopId: string
  title: string
  focus: string
  step: StepId
  actions: Record<PipelineStatus, number>
  quickWins: { total: number; done: number }
  kpis: { onTrack: number; offTrack: number; other: number }
  coverageBreaks: number
  needsAttention: number
}

export type ProgrammeAction = {
  /** The pipeline entry's id within its group. */
  id: string
  workshopId: string
  group: string
  action: string
  owner: string
  unit: string
  wave: string
  start: string | null
  due: string | null
  status: PipelineStatus
  percent: number
  quickWin: boolean
}

export type ProgrammeKpi = {
  id: string
  workshopId: string
  group: string
  name: string
  measureUnit: string
  baseline: string
  target: string
  latest: number | null
  latestDate: string | null
  state: TrackState
}

/** One unit by name across the groups (each group names its own units). */
export type ProgrammeUnitLoad = { unit: string; responsible: number; accountable: number; groups: number }

export type ProgrammeDashboard = {
  groups: GroupSummary[]
  actions: ProgrammeAction[]
  kpis: ProgrammeKpi[]
  units: ProgrammeUnitLoad[]
}

const ON_TRACK: readonly TrackState[] = ['reached', 'on-track']
const OFF_TRACK: readonly TrackState[] = ['off-track', 'wrong-way']

export function programmeDashboard(
  inputs: readonly ProgrammeGroupInput[],
  today: string,
  language: Language,
): ProgrammeDashboard {
  const groups: GroupSummary[] = []
  const actions: ProgrammeAction[] = []
  const kpis: ProgrammeKpi[] = []
  const units: ProgrammeUnitLoad[] = []

  for (const { workshopId, step, data } of inputs) {
    const group = data.meta.title
    const followUp = data.followUp ?? { updates: [], readings: [], settings: null }
    const numberLanguage = data.meta.language
    const nameIn = (list: readonly { id: string; name: string }[], id: string | null) =>
      (id && list.find((x) => x.id === id)?.name) || ''
    const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<PipelineStatus, number>
    const quickWins = { total: 0, done: 0 }
    const inWaveOrder = data.waves.flatMap((wave) => data.pipeline.filter((e) => e.waveId === wave.id))
    const followed = inWaveOrder.map((entry) => {
      const action = data.actions.find((a) => a.id === entry.actionId)
      const quickWin = action ? classifyAction(action.scores, data.actionThresholds) === 'quick-win' : false
      const progress = progressOf(entry, followUp.updates)
      counts[progress.status] += 1
      if (quickWin) {
        quickWins.total += 1
        if (progress.status === 'done') quickWins.done += 1
      }
      actions.push({
        id: entry.id,
        workshopId,
        group,
        action: action?.title ?? '',
        owner: entry.owner,
        unit: nameIn(data.units, entry.unitId),
        wave: nameIn(data.waves, entry.waveId),
        start: entry.start,
        due: entry.due,
        status: progress.status,
        percent: progress.percent,
        quickWin,
      })
      return {
        id: entry.id,
        title: action?.title ?? '',
        status: progress.status,
        due: entry.due,
        quickWin,
        kpiIds: data.kpis.filter((k) => k.actionIds.includes(entry.actionId)).map((k) => k.id),
      }
    })
    const kpiCounts = { onTrack: 0, offTrack: 0, other: 0 }
    for (const kpi of data.kpis) {
      const track = kpiTrack(
        kpi,
        followUp.readings.filter((r) => r.kpiId === kpi.id),
        numberLanguage,
      )
      if (ON_TRACK.includes(track.state)) kpiCounts.onTrack += 1
      else if (OFF_TRACK.includes(track.state)) kpiCounts.offTrack += 1
      else kpiCounts.other += 1
      kpis.push({
        id: kpi.id,
        workshopId,
        group,
        name: kpi.name,
        measureUnit: kpi.unit,
        baseline: kpi.baseline,
        target: kpi.target,
        latest: track.latest,
        latestDate: track.points.at(-1)?.date ?? null,
        state: track.state,
      })
    }
    const attention = needsAttention({
      today,
      since: followUp.settings?.since ?? today,
      staleWeeks: followUp.settings?.staleWeeks ?? 2,
      language: numberLanguage,
      actions: followed,
      updates: followUp.updates.map((u) => ({ ...u, actionId: u.entryId })),
      kpis: data.kpis,
      readings: followUp.readings,
    })
    groups.push({
      workshopId,
      title: group,
      focus: data.meta.focus,
      step,
      actions: counts,
      quickWins,
      kpis: kpiCounts,
      coverageBreaks: coverage(data).breaks.length,
      needsAttention: attention.length,
    })

    for (const unit of data.units) {
      const letters = Object.values(data.raci).map((cells) => cells[unit.id])
      const responsible = letters.filter((l) => l === 'R').length
      const accountable = letters.filter((l) => l === 'A').length
      if (!unit.name.trim()) continue
      const known = units.find((u) => sameName(u.unit, unit.name))
      if (known) {
        known.responsible += responsible
        known.accountable += accountable
        known.groups += 1
      } else units.push({ unit: unit.name.trim(), responsible, accountable, groups: 1 })
    }
  }
  units.sort(
    (a, b) =>
      b.responsible + b.accountable - (a.responsible + a.accountable) ||
      a.unit.localeCompare(b.unit, language),
  )
  return { groups, actions, kpis, units }
}
