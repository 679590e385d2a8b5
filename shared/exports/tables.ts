import { classifyAction, constraintScore } from '../domain/actions.ts'
import { parseNumber } from '../domain/kpis.ts'
import { priorityScore } from '../domain/materiality.ts'
import { computeCes, computeNps, SMALL_SAMPLE } from '../domain/nps.ts'
import { isIsoDate } from '../domain/pipeline.ts'
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { exportLabels } from './labels.ts'

/** A cell of an exported table: text, a number, a calendar date, or empty. */
export type Cell = string | number | { date: string } | null
export type Table = { name: string; headers: string[]; rows: Cell[][] }

const date = (iso: string | null): Cell => (iso ? { date: iso } : null)
/** A number typed as text ("4,5") goes out as a number when it is one, as typed otherwise. */

/**
 * The tables every spreadsheet-like export is made of (XLSX sheets, CSV files), built from the
 * workshop export so the API, the download buttons and the tests read the same thing.
 */
export function exportTables(data: WorkshopExport) {
  const l = exportLabels(data.meta.language)
  const numeric = (typed: string): Cell =>
    typed.trim() ? (parseNumber(typed, data.meta.language) ?? typed) : null
  const h = l.headers
  const v = l.values as Record<string, string>
  const nameIn = (list: readonly { id: string; name: string }[], id: string | null) =>
    (id && list.find((x) => x.id === id)?.name) || ''
  const actionTitle = (id: string) => data.actions.find((a) => a.id === id)?.title ?? ''
  const interventionTitle = (id: string | null) =>
    (id && data.interventions.find((i) => i.id === id)?.title) || ''
  const quadrantOf = (actionId: string) => {
    const action = data.actions.find((a) => a.id === actionId)
    const q = action ? classifyAction(action.scores, data.actionThresholds) : null
    return v[q ?? 'unscored'] ?? ''
  }

  const pipeline: Table = {
    name: l.sheets.pipeline,
    headers: [
      h.position,
      h.wave,
      h.action,
      h.area,
      h.quadrant,
      h.owner,
      h.unit,
      h.start,
      h.due,
      h.status,
      h.kpis,
    ],
    rows: data.waves.flatMap((wave) =>
      data.pipeline
        .filter((e) => e.waveId === wave.id)
        .map((e) => {
          const action = data.actions.find((a) => a.id === e.actionId)
          return [
            0,
            wave.name,
            actionTitle(e.actionId),
            interventionTitle(action?.areaId ?? null),
            quadrantOf(e.actionId),
            e.owner,
            nameIn(data.units, e.unitId),
            date(e.start),
            date(e.due),
            v[e.status] ?? e.status,
            data.kpis
              .filter((k) => k.actionIds.includes(e.actionId))
              .map((k) => k.name)
              .join('; '),
          ]
        }),
    ),
  }
  pipeline.rows.forEach((row, i) => {
    row[0] = i + 1
  })

  const kpis: Table = {
    name: l.sheets.kpis,
    headers: [
      h.name,
      h.definition,
      h.formula,
      h.measureUnit,
      h.direction,
      h.baseline,
      h.target,
      h.frequency,
      h.source,
      h.owner,
      h.actions,
    ],
    rows: data.kpis.map((k) => [
      k.name,
      k.definition,
      k.formula,
      k.unit,
      v[k.direction] ?? k.direction,
      numeric(k.baseline),
      numeric(k.target),
      v[k.frequency] ?? k.frequency,
      k.source,
      k.owner,
      k.actionIds.map(actionTitle).join('; '),
    ]),
  }

  const raciRowIds = data.priorities.flatMap((areaId) => [
    areaId,
    ...data.subActions.filter((s) => s.areaId === areaId).map((s) => s.id),
  ])
  const raci: Table = {
    name: l.sheets.raci,
    headers: [h.row, ...data.units.map((u) => u.name)],
    rows: raciRowIds.map((rowId) => [
      data.subActions.find((s) => s.id === rowId)?.title ?? interventionTitle(rowId),
      ...data.units.map((u) => data.raci[rowId]?.[u.id] ?? null),
    ]),
  }

  const materiality: Table = {
    name: l.sheets.materiality,
    headers: [h.intervention, h.customers, h.organisation, h.score, h.priority],
    rows: data.interventions.map((i) => [
      i.title,
      i.matrix?.x ?? null,
      i.matrix?.y ?? null,
      i.matrix ? priorityScore(i.matrix) : null,
      data.priorities.includes(i.id) ? v.yes! : v.no!,
    ]),
  }

  const benefit: Table = {
    name: l.sheets.benefit,
    headers: [h.action, h.area, h.benefit, h.cost, h.complexity, h.time, h.constraint, h.quadrant],
    rows: data.actions.map((a) => [
      a.title,
      interventionTitle(a.areaId),
      a.scores.benefit,
      a.scores.cost,
      a.scores.complexity,
      a.scores.time,
      constraintScore(a.scores),
      quadrantOf(a.id),
    ]),
  }

  const results = data.survey?.results?.results ?? []
  const survey: Table = {
    name: l.sheets.survey,
    headers: [h.rank, h.intervention, h.mean, h.spread, h.answers],
    rows: [...results]
      .sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))
      .map((r) => [
        r.rank,
        data.survey?.interventions.find((i) => i.id === r.interventionId)?.title ??
          interventionTitle(r.interventionId),
        r.mean,
        r.spread,
        r.answers,
      ]),
  }

  const pains: Table = {
    name: l.sheets.pains,
    headers: [h.stage, h.kind, h.text, h.severity, h.inScope, h.evidence, h.interventions],
    rows: data.pains.map((p) => [
      nameIn(data.stages, p.stageId),
      v[p.kind] ?? p.kind,
      p.text,
      p.severity,
      p.inScope ? v.yes! : v.no!,
      p.evidence,
      data.interventions
        .filter((i) => i.painIds.includes(p.id))
        .map((i) => i.title)
        .join('; '),
    ]),
  }
  // Per stage in journey order; a stage with neither figure is left out.
  const journey: Table = {
    name: l.sheets.journey,
    headers: [
      h.stage,
      h.nps,
      h.npsAnswers,
      h.promoters,
      h.passives,
      h.detractors,
      h.ces,
      h.cesAnswers,
      h.sample,
    ],
    rows: data.stages.flatMap((stage) => {
      const d = data.stageData.find((x) => x.stageId === stage.id)
      const nps = d?.nps ? computeNps(d.nps) : undefined
      const ces = d?.ces ? computeCes(d.ces) : undefined
      if (!nps && !ces) return []
      const smallest = Math.min(nps?.n ?? Number.POSITIVE_INFINITY, ces?.n ?? Number.POSITIVE_INFINITY)
      return [
        [
          stage.name,
          nps?.nps ?? null,
          nps?.n ?? null,
          nps?.promoters ?? null,
          nps?.passives ?? null,
          nps?.detractors ?? null,
          ces?.mean ?? null,
          ces?.n ?? null,
          smallest < SMALL_SAMPLE ? v.smallSample! : v.enoughSample!,
        ],
      ]
    }),
  }
  // After meeting 4: every update of every action (latest first), every KPI reading (by date).
  const entryTitle = (entryId: string) =>
    actionTitle(data.pipeline.find((e) => e.id === entryId)?.actionId ?? '')
  const followUp = data.followUp ?? { updates: [], readings: [] }
  const updates: Table = {
    name: l.sheets.updates,
    headers: [h.action, h.day, h.by, h.status, h.percent, h.note, h.recordedAt],
    rows: [...followUp.updates]
      .sort((a, b) => b.date.localeCompare(a.date) || b.at - a.at)
      .map((u) => [
        entryTitle(u.entryId),
        date(u.date),
        u.by ?? l.report.facilitator,
        v[u.status] ?? u.status,
        u.percent,
        u.note,
        new Date(u.at).toISOString().replace('T', ' ').slice(0, 16),
      ]),
  }
  const readings: Table = {
    name: l.sheets.readings,
    headers: [h.kpi, h.day, h.value, h.readingSource, h.note],
    rows: data.kpis.flatMap((k) =>
      followUp.readings
        .filter((r) => r.kpiId === k.id)
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((r) => [k.name, isIsoDate(r.date) ? date(r.date) : r.date, numeric(r.value), r.source, r.note]),
    ),
  }
  return { pipeline, kpis, raci, materiality, benefit, survey, pains, journey, updates, readings }
}
