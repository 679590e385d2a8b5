/**
 * Traceability across the four meetings: pain → macro intervention → survey result → matrix
 * position → RACI row → action → pipeline entry → KPI → golden rule, and where the chain
 * breaks. Pure: reads a workshop export.
 */
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { type ActionQuadrant, classifyAction } from './actions.ts'
import type { MatrixPoint } from './materiality.ts'

export type CoverageBreak =
  | { kind: 'pain-without-intervention'; id: string }
  | { kind: 'priority-without-action'; id: string }
  | { kind: 'quick-win-without-owner'; id: string }
  | { kind: 'quick-win-without-kpi'; id: string }
  | { kind: 'kpi-without-action'; id: string }

export type ActionLink = {
  actionId: string
  quadrant: ActionQuadrant | null
  waveId: string | null
  status: string | null
  kpiIds: string[]
  ruleIds: string[]
}

export type CoverageChain = {
  interventionId: string
  priority: boolean
  painIds: string[]
  survey: { mean: number | null; rank: number | null } | null
  matrix: MatrixPoint | null
  accountable: string[]
  responsible: string[]
  actions: ActionLink[]
}

export type Coverage = { chains: CoverageChain[]; breaks: CoverageBreak[] }

export function coverage(data: WorkshopExport): Coverage {
  const quadrant = (actionId: string) => {
    const action = data.actions.find((a) => a.id === actionId)
    return action ? classifyAction(action.scores, data.actionThresholds) : null
  }
  const unitsWith = (rowId: string, letter: string) =>
    Object.entries(data.raci[rowId] ?? {})
      .filter(([, l]) => l === letter)
      .map(([unitId]) => unitId)
  const link = (actionId: string): ActionLink => {
    const entry = data.pipeline.find((e) => e.actionId === actionId)
    return {
      actionId,
      quadrant: quadrant(actionId),
      waveId: entry?.waveId ?? null,
      status: entry?.status ?? null,
      kpiIds: data.kpis.filter((k) => k.actionIds.includes(actionId)).map((k) => k.id),
      ruleIds: data.goldenRules.filter((r) => r.actionIds.includes(actionId)).map((r) => r.id),
    }
  }
  const ordered = [
    ...data.priorities
      .map((id) => data.interventions.find((i) => i.id === id))
      .filter((i) => i !== undefined),
    ...data.interventions.filter((i) => !data.priorities.includes(i.id)),
  ]
  const chains = ordered.map((intervention): CoverageChain => {
    const result = data.survey?.results?.results.find((r) => r.interventionId === intervention.id)
    return {
      interventionId: intervention.id,
      priority: data.priorities.includes(intervention.id),
      painIds: intervention.painIds,
      survey: result ? { mean: result.mean, rank: result.rank } : null,
      matrix: intervention.matrix,
      accountable: unitsWith(intervention.id, 'A'),
      responsible: unitsWith(intervention.id, 'R'),
      actions: data.actions.filter((a) => a.areaId === intervention.id).map((a) => link(a.id)),
    }
  })

  const breaks: CoverageBreak[] = []
  const addressed = new Set(data.interventions.flatMap((i) => i.painIds))
  for (const pain of data.pains) {
    if (pain.inScope && !addressed.has(pain.id))
      breaks.push({ kind: 'pain-without-intervention', id: pain.id })
  }
  for (const id of data.priorities) {
    if (!data.actions.some((a) => a.areaId === id)) breaks.push({ kind: 'priority-without-action', id })
  }
  const measured = new Set(data.kpis.flatMap((k) => k.actionIds))
  for (const action of data.actions) {
    if (quadrant(action.id) !== 'quick-win') continue
    const entry = data.pipeline.find((e) => e.actionId === action.id)
    if (!action.owner.trim() && !entry?.owner.trim())
      breaks.push({ kind: 'quick-win-without-owner', id: action.id })
    if (!measured.has(action.id)) breaks.push({ kind: 'quick-win-without-kpi', id: action.id })
  }
  for (const kpi of data.kpis) {
    if (!kpi.actionIds.some((id) => data.actions.some((a) => a.id === id))) {
      breaks.push({ kind: 'kpi-without-action', id: kpi.id })
    }
  }
  return { chains, breaks }
}
