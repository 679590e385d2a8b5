import type { WorkshopExport } from './workshop-export.ts'

/**
 * The export keeps only references to things that exist. Deleting on the board cleans what
 * points to the deleted thing, but two people can still cross (one links a pain while the other
 * deletes it): here such a reference is dropped, a pipeline entry whose wave went moves to the
 * first wave, and what cannot stand without its parent (a card without its stage, a sub-action
 * without its area, the updates of an action gone from the pipeline) is left out, so that every export imports again.
 */
export function withWholeReferences(data: WorkshopExport): WorkshopExport {
  const ids = (items: readonly { id: string }[]) => new Set(items.map((item) => item.id))
  const orNull = (known: Set<string>, id: string | null) => (id !== null && known.has(id) ? id : null)
  const stages = ids(data.stages)
  const units = ids(data.units)
  const segments = ids(data.segments)
  const groups = ids(data.interventionGroups)
  const waves = ids(data.waves)

  const pains = data.pains
    .filter((p) => stages.has(p.stageId))
    .map((p) => ({ ...p, segmentIds: p.segmentIds.filter((id) => segments.has(id)) }))
  const painIds = ids(pains)
  const interventions = data.interventions.map((i) => ({
    ...i,
    groupId: orNull(groups, i.groupId),
    painIds: i.painIds.filter((id) => painIds.has(id)),
  }))
  const interventionIds = ids(interventions)
  const subActions = data.subActions.filter((s) => interventionIds.has(s.areaId))
  const rows = new Set([...interventionIds, ...subActions.map((s) => s.id)])
  const raci = Object.fromEntries(
    Object.entries(data.raci)
      .filter(([row]) => rows.has(row))
      .map(([row, cells]) => [
        row,
        Object.fromEntries(Object.entries(cells).filter(([unit]) => units.has(unit))),
      ])
      .filter(([, cells]) => Object.keys(cells as object).length > 0),
  )
  const actionIds = ids(data.actions)
  const actions = data.actions.map((a) => ({
    ...a,
    areaId: orNull(interventionIds, a.areaId),
    unitId: orNull(units, a.unitId),
    dependsOn: a.dependsOn.filter((id) => actionIds.has(id)),
  }))
  const metrics = data.metrics.filter((m) => actionIds.has(m.actionId))
  const metricIds = ids(metrics)
  const firstWave = data.waves[0]?.id
  const pipeline = data.pipeline
    .filter((e) => actionIds.has(e.actionId) && (waves.has(e.waveId) || firstWave))
    .map((e) => ({
      ...e,
      waveId: waves.has(e.waveId) ? e.waveId : firstWave!,
      unitId: orNull(units, e.unitId),
    }))
  const vision = data.vision && {
    ...data.vision,
    chosenFactors: data.vision.chosenFactors.filter((id) => data.vision!.factors.some((f) => f.id === id)),
    moments: data.vision.moments
      .filter((m) => stages.has(m.stageId) && data.vision!.personas.some((p) => p.id === m.personaId))
      .map((m) => ({ ...m, factorId: orNull(ids(data.vision!.factors), m.factorId) })),
  }
  // The history of an action that left the pipeline, the readings of a KPI that was deleted.
  const entryIds = ids(pipeline)
  const kpiIds = ids(data.kpis)
  const followUp = data.followUp && {
    ...data.followUp,
    updates: data.followUp.updates.filter((u) => entryIds.has(u.entryId)),
    readings: data.followUp.readings.filter((r) => kpiIds.has(r.kpiId)),
  }
  return {
    ...data,
    ...(vision && { vision }),
    ...(followUp && { followUp }),
    participants: data.participants.map((p) => ({ ...p, unitId: orNull(units, p.unitId) })),
    touchpoints: data.touchpoints.filter((t) => stages.has(t.stageId)),
    pains,
    stageData: data.stageData.filter((d) => stages.has(d.stageId)),
    interventions,
    priorities: data.priorities.filter((id) => interventionIds.has(id)),
    subActions,
    raci,
    actions,
    metrics,
    pipeline,
    kpis: data.kpis.map((k) => ({
      ...k,
      actionIds: k.actionIds.filter((id) => actionIds.has(id)),
      metricId: orNull(metricIds, k.metricId),
    })),
    goldenRules: data.goldenRules.map((r) => ({
      ...r,
      actionIds: r.actionIds.filter((id) => actionIds.has(id)),
    })),
  }
}
