import { generateKeyBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import type { ActionScores, ActionThresholds } from '../domain/actions.ts'
import type { KpiReading } from '../domain/follow-up/readings.ts'
import type { ReviewMark } from '../domain/follow-up/review.ts'
import type { Direction, Frequency } from '../domain/kpis.ts'
import type { MatrixPoint } from '../domain/materiality.ts'
import type { NpsCounts } from '../domain/nps.ts'
import type { PainKind } from '../domain/perimeter.ts'
import type { PipelineStatus } from '../domain/pipeline.ts'
import type { RaciCells } from '../domain/raci.ts'
import type { PublishedRating } from '../domain/rating-round.ts'
import type { PublishedScoringRound } from '../domain/scoring-round.ts'
import type { PublishedSurvey } from '../domain/survey.ts'
import type { Language } from '../i18n-language.ts'
import type { WorkshopKind } from '../steps.ts'
import { readActions, readActionThresholds, readMetrics } from './actions.ts'
import { controlMap, readPriorities, readRating, readScoringRound, readSurvey } from './control.ts'
import { withWholeReferences } from './export-references.ts'
import {
  ACTION_UPDATES,
  type FollowUpSettings,
  KPI_READINGS,
  REVIEWS,
  readActionUpdates,
  readFollowUpSettings,
  readKpiReadings,
  readReviews,
  type StoredActionUpdate,
} from './follow-up.ts'
import { readGoldenRules } from './golden-rules.ts'
import { readInterventionGroups, readInterventions } from './interventions.ts'
import { readPains, readTouchpoints } from './journey.ts'
import { readStageData } from './journey-data.ts'
import { readKpis } from './kpis.ts'
import { readMatrixPositions, readMatrixSettings } from './materiality.ts'
import { initMeta, metaText, readMeta } from './meta.ts'
import { readPipeline, readWaves } from './pipeline.ts'
import { raciMap, readRaciCells, readSubActions } from './raci.ts'
import { getRecord, recordsOf } from './records.ts'
import { readNamedList, readParticipants } from './setup.ts'
import {
  type PERSONA_TEXTS,
  readChosenFactors,
  readCultureStatements,
  readFactors,
  readMoments,
  readPersonas,
} from './vision.ts'

export const EXPORT_FORMAT = 'tavolo-workshop'
export const EXPORT_VERSION = 1

/**
 * The whole workshop as plain JSON: what the JSON export writes, what an import reads, and what
 * every other export (spreadsheet, CSV, Markdown, report) is built from. Lists are in board
 * order; ids are kept, so references between items survive a round trip.
 */
export type WorkshopExport = {
  format: typeof EXPORT_FORMAT
  version: typeof EXPORT_VERSION
  meta: { title: string; organisation: string; focus: string; language: Language; kind: WorkshopKind }
  stages: { id: string; name: string }[]
  units: { id: string; name: string }[]
  segments: { id: string; name: string }[]
  participants: { id: string; name: string; unitId: string | null }[]
  touchpoints: { id: string; stageId: string; name: string; momentOfTruth: boolean }[]
  pains: {
    id: string
    stageId: string
    kind: PainKind
    text: string
    severity: number
    segmentIds: string[]
    evidence: string
    inScope: boolean
  }[]
  stageData: { stageId: string; nps: NpsCounts | null; ces: number[] | null }[]
  interventionGroups: { id: string; name: string }[]
  interventions: {
    id: string
    title: string
    description: string
    groupId: string | null
    painIds: string[]
    matrix: MatrixPoint | null
  }[]
  materiality: { xLabel: string | null; yLabel: string | null; threshold: number }
  priorities: string[]
  subActions: { id: string; areaId: string; title: string }[]
  raci: RaciCells
  actionThresholds: ActionThresholds
  actions: {
    id: string
    areaId: string | null
    title: string
    description: string
    owner: string
    unitId: string | null
    notes: string
    scores: ActionScores
    dependsOn: string[]
  }[]
  metrics: { id: string; actionId: string; name: string; chosen: boolean }[]
  waves: { id: string; name: string }[]
  pipeline: {
    id: string
    actionId: string
    waveId: string
    start: string | null
    due: string | null
    status: PipelineStatus
    owner: string
    unitId: string | null
  }[]
  kpis: {
    id: string
    name: string
    definition: string
    formula: string
    unit: string
    direction: Direction
    baseline: string
    target: string
    frequency: Frequency
    source: string
    owner: string
    actionIds: string[]
    metricId: string | null
  }[]
  goldenRules: { id: string; text: string; approved: boolean; actionIds: string[] }[]
  /** The quick survey and the scoring round as published (aggregates only, never ballots). */
  survey: PublishedSurvey | null
  scoringRound: PublishedScoringRound | null
  /** The CX vision workshop's boards (only in a vision workshop's export). */
  vision?: VisionBoards
  /** What happened after meeting 4 (absent in exports from before the follow-up existed). */
  followUp?: FollowUpExport
}

export type FollowUpExport = {
  settings: FollowUpSettings
  updates: Omit<StoredActionUpdate, 'index'>[]
  readings: KpiReading[]
  reviews: ReviewMark[]
}

export type VisionBoards = {
  factors: { id: string; name: string; meaning: string; custom: boolean }[]
  chosenFactors: string[]
  cultureStatements: { id: string; area: string; text: string }[]
  personas: {
    id: string
    age: number | null
    colour: string
    texts: Record<(typeof PERSONA_TEXTS)[number], string>
    sliders: Record<string, number>
  }[]
  moments: { id: string; personaId: string; stageId: string; excellent: string; factorId: string | null }[]
  /** The culture and factor ratings as published (aggregates only). */
  ratings: { culture: PublishedRating | null; factors: PublishedRating | null }
}

function exportVisionBoards(content: Y.Doc, control: Y.Doc): VisionBoards {
  return {
    factors: readFactors(content).map(({ index: _, ...f }) => f),
    chosenFactors: readChosenFactors(control),
    cultureStatements: readCultureStatements(content).map(({ index: _, ...c }) => c),
    personas: readPersonas(content).map(({ id, age, colour, texts, sliders }) => ({
      id,
      age,
      colour,
      texts,
      sliders,
    })),
    moments: readMoments(content).map(({ index: _, ...m }) => m),
    ratings: { culture: readRating(control, 'culture'), factors: readRating(control, 'factors') },
  }
}

function importVisionBoards(content: Y.Doc, control: Y.Doc, vision: VisionBoards): void {
  const putFactor = writer(content, 'factors')
  for (const f of vision.factors)
    putFactor(f.id, { texts: { name: f.name, meaning: f.meaning }, values: { custom: f.custom } })
  const putStatement = writer(content, 'cultureStatements')
  for (const c of vision.cultureStatements)
    putStatement(c.id, { texts: { text: c.text }, values: { area: c.area } })
  const putPersona = writer(content, 'personas')
  for (const p of vision.personas) {
    const sliders = new Y.Map<number>()
    for (const [slider, value] of Object.entries(p.sliders)) sliders.set(slider, value)
    putPersona(p.id, { texts: { ...p.texts }, values: { age: p.age, colour: p.colour, sliders } })
  }
  const putMoment = writer(content, 'moments')
  for (const m of vision.moments) {
    putMoment(m.id, {
      texts: { excellent: m.excellent },
      values: { personaId: m.personaId, stageId: m.stageId, factorId: m.factorId },
    })
  }
  const map = controlMap(control)
  if (vision.chosenFactors.length > 0) map.set('chosenFactors', [...vision.chosenFactors])
  if (vision.ratings.culture) map.set('rating:culture', { ...vision.ratings.culture, status: 'closed' })
  if (vision.ratings.factors) map.set('rating:factors', { ...vision.ratings.factors, status: 'closed' })
}

const text = (record: Y.Map<unknown> | undefined, field: string) => {
  const value = record?.get(field)
  return value instanceof Y.Text ? value.toString() : ''
}

export function exportWorkshop(content: Y.Doc, control: Y.Doc): WorkshopExport {
  const meta = readMeta(content)
  const positions = readMatrixPositions(content)
  const named = (list: 'stages' | 'units' | 'segments') =>
    readNamedList(content, list).map(({ id, name }) => ({ id, name }))
  return withWholeReferences({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    meta: {
      title: meta.title,
      organisation: meta.organisation,
      focus: meta.focus,
      language: meta.language,
      kind: meta.kind,
    },
    stages: named('stages'),
    units: named('units'),
    segments: named('segments'),
    participants: readParticipants(content).map(({ id, name, unitId }) => ({ id, name, unitId })),
    touchpoints: readTouchpoints(content).map(({ index: _, ...t }) => t),
    pains: readPains(content).map(({ index: _, ...p }) => ({ ...p, segmentIds: [...p.segmentIds] })),
    stageData: [...readStageData(content).values()].sort((a, b) => (a.stageId < b.stageId ? -1 : 1)),
    interventionGroups: readInterventionGroups(content).map(({ id, name }) => ({ id, name })),
    interventions: readInterventions(content).map((i) => ({
      id: i.id,
      title: i.title,
      description: i.description,
      groupId: i.groupId,
      painIds: [...i.painIds],
      matrix: positions[i.id] ?? null,
    })),
    materiality: readMatrixSettings(content),
    priorities: readPriorities(control),
    subActions: readSubActions(content).map(({ index: _, ...s }) => s),
    raci: readRaciCells(content),
    actionThresholds: readActionThresholds(content),
    actions: readActions(content).map((a) => {
      const record = getRecord(content, 'actions', a.id)
      return {
        id: a.id,
        areaId: a.areaId,
        title: a.title,
        description: text(record, 'description'),
        owner: a.owner,
        unitId: a.unitId,
        notes: text(record, 'notes'),
        scores: a.scores,
        dependsOn: a.dependsOn,
      }
    }),
    metrics: readMetrics(content).map(({ index: _, ...m }) => m),
    waves: readWaves(content).map(({ id, name }) => ({ id, name })),
    pipeline: readPipeline(content).map(({ index: _, ...e }) => e),
    kpis: readKpis(content).map(({ index: _, ...k }) => k),
    goldenRules: readGoldenRules(content).map(({ index: _, ...r }) => r),
    survey: readSurvey(control),
    scoringRound: readScoringRound(control),
    ...(meta.kind === 'vision' && { vision: exportVisionBoards(content, control) }),
    ...(meta.kind === 'improvement' && {
      followUp: {
        settings: readFollowUpSettings(content),
        updates: readActionUpdates(content).map(({ index: _, ...u }) => u),
        readings: readKpiReadings(content).map(({ index: _, ...r }) => r),
        reviews: readReviews(content).map(({ index: _, ...r }) => r),
      },
    }),
  })
}

/** Writes records with their own ids, one after the other, in the order given. */
function writer(doc: Y.Doc, collection: string) {
  let last: string | null = null
  return (id: string, fields: { texts?: Record<string, string>; values?: Record<string, unknown> }) => {
    const record = new Y.Map<unknown>()
    last = generateKeyBetween(last, null)
    record.set('index', last)
    for (const [field, value] of Object.entries(fields.texts ?? {})) record.set(field, new Y.Text(value))
    for (const [field, value] of Object.entries(fields.values ?? {})) record.set(field, value)
    recordsOf(doc, collection).set(id, record)
  }
}

const flags = (ids: readonly string[]) => {
  const map = new Y.Map<boolean>()
  for (const id of ids) map.set(id, true)
  return map
}

/**
 * Fills two empty documents from an export (already validated: see `exportProblems`). Runs in
 * one transaction per document; the caller picks the origin (the server seeds as SYSTEM).
 */
export function importWorkshop(content: Y.Doc, control: Y.Doc, data: WorkshopExport): void {
  content.transact(() => {
    initMeta(content, data.meta)
    metaText(content, 'focus').insert(0, data.meta.focus)
    for (const list of ['stages', 'units', 'segments'] as const) {
      const put = writer(content, list)
      for (const item of data[list]) put(item.id, { texts: { name: item.name } })
    }
    const putParticipant = writer(content, 'participants')
    for (const p of data.participants)
      putParticipant(p.id, { texts: { name: p.name }, values: { unitId: p.unitId } })
    const putTouchpoint = writer(content, 'touchpoints')
    for (const tp of data.touchpoints) {
      putTouchpoint(tp.id, {
        texts: { name: tp.name },
        values: { stageId: tp.stageId, momentOfTruth: tp.momentOfTruth },
      })
    }
    const putPain = writer(content, 'pains')
    for (const p of data.pains) {
      putPain(p.id, {
        texts: { text: p.text, evidence: p.evidence },
        values: {
          stageId: p.stageId,
          kind: p.kind,
          severity: p.severity,
          inScope: p.inScope,
          segments: flags(p.segmentIds),
        },
      })
    }
    for (const d of data.stageData) {
      const record = new Y.Map<unknown>()
      if (d.nps) {
        const nps = new Y.Map<number>()
        for (const [k, v] of Object.entries(d.nps)) nps.set(k, v)
        record.set('nps', nps)
      }
      if (d.ces) record.set('ces', [...d.ces])
      recordsOf(content, 'stageData').set(d.stageId, record)
    }
    const putGroup = writer(content, 'interventionGroups')
    for (const g of data.interventionGroups) putGroup(g.id, { texts: { name: g.name } })
    const putIntervention = writer(content, 'interventions')
    for (const i of data.interventions) {
      putIntervention(i.id, {
        texts: { title: i.title, description: i.description },
        values: { groupId: i.groupId, painIds: flags(i.painIds), ...(i.matrix && { matrix: i.matrix }) },
      })
    }
    const settings = content.getMap('materiality')
    if (data.materiality.xLabel) settings.set('xLabel', data.materiality.xLabel)
    if (data.materiality.yLabel) settings.set('yLabel', data.materiality.yLabel)
    settings.set('threshold', data.materiality.threshold)
    const putSub = writer(content, 'subActions')
    for (const s of data.subActions) putSub(s.id, { texts: { title: s.title }, values: { areaId: s.areaId } })
    for (const [rowId, cells] of Object.entries(data.raci)) {
      for (const [unitId, letter] of Object.entries(cells)) raciMap(content).set(`${rowId}/${unitId}`, letter)
    }
    content.getMap('actionMatrix').set('benefit', data.actionThresholds.benefit)
    content.getMap('actionMatrix').set('constraint', data.actionThresholds.constraint)
    const putAction = writer(content, 'actions')
    for (const a of data.actions) {
      putAction(a.id, {
        texts: { title: a.title, description: a.description, owner: a.owner, notes: a.notes },
        values: {
          areaId: a.areaId,
          unitId: a.unitId,
          scores: { ...a.scores },
          dependsOn: flags(a.dependsOn),
        },
      })
    }
    const putMetric = writer(content, 'metrics')
    for (const m of data.metrics)
      putMetric(m.id, { texts: { name: m.name }, values: { actionId: m.actionId, chosen: m.chosen } })
    const putWave = writer(content, 'waves')
    for (const w of data.waves) putWave(w.id, { texts: { name: w.name } })
    const putEntry = writer(content, 'pipeline')
    for (const e of data.pipeline) {
      putEntry(e.id, {
        texts: { owner: e.owner },
        values: {
          actionId: e.actionId,
          waveId: e.waveId,
          start: e.start,
          due: e.due,
          status: e.status,
          unitId: e.unitId,
        },
      })
    }
    const putKpi = writer(content, 'kpis')
    for (const k of data.kpis) {
      const { id, direction, frequency, actionIds, metricId, ...texts } = k
      putKpi(id, { texts, values: { direction, frequency, actionIds: flags(actionIds), metricId } })
    }
    const putRule = writer(content, 'goldenRules')
    for (const r of data.goldenRules) {
      putRule(r.id, {
        texts: { text: r.text },
        values: { approved: r.approved, actionIds: flags(r.actionIds) },
      })
    }
  })
  control.transact(() => {
    const map = controlMap(control)
    map.set('step', 'setup')
    if (data.priorities.length > 0) map.set('priorities', [...data.priorities])
    if (data.survey) map.set('survey', { ...data.survey, status: 'closed' })
    if (data.scoringRound) map.set('scoring', data.scoringRound)
  })
  if (data.vision) {
    const vision = data.vision
    content.transact(() => control.transact(() => importVisionBoards(content, control, vision)))
  }
  if (data.followUp) {
    const followUp = data.followUp
    content.transact(() => importFollowUp(content, followUp))
  }
}

function importFollowUp(content: Y.Doc, { settings, updates, readings, reviews }: FollowUpExport): void {
  const meta = content.getMap('meta')
  if (settings.anyoneUpdates) meta.set('followUpAnyone', true)
  meta.set('followUpStaleWeeks', settings.staleWeeks)
  if (settings.since) meta.set('followUpSince', settings.since)
  const putUpdate = writer(content, ACTION_UPDATES)
  for (const { id, ...values } of updates) putUpdate(id, { values })
  const putReading = writer(content, KPI_READINGS)
  for (const { id, ...values } of readings) putReading(id, { values })
  const putReview = writer(content, REVIEWS)
  for (const { id, ...values } of reviews) putReview(id, { values })
}

/**
 * References that point nowhere in an export (a tampered or hand-edited file): each is named,
 * e.g. "pains[2].stageId: no stage abc". An empty list means the export is consistent.
 */
export function exportProblems(data: WorkshopExport): string[] {
  const problems: string[] = []
  const ids = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id))
  const stages = ids(data.stages)
  const units = ids(data.units)
  const segments = ids(data.segments)
  const pains = ids(data.pains)
  const groups = ids(data.interventionGroups)
  const interventions = ids(data.interventions)
  const actions = ids(data.actions)
  const metrics = ids(data.metrics)
  const waves = ids(data.waves)
  const rows = new Set([...interventions, ...data.subActions.map((s) => s.id)])
  const check = (where: string, id: string | null, known: Set<string>, what: string) => {
    if (id !== null && !known.has(id)) problems.push(`${where}: no ${what} ${id}`)
  }
  const all = [
    ...data.stages,
    ...data.units,
    ...data.segments,
    ...data.participants,
    ...data.touchpoints,
    ...data.pains,
    ...data.interventionGroups,
    ...data.interventions,
    ...data.subActions,
    ...data.actions,
    ...data.metrics,
    ...data.waves,
    ...data.pipeline,
    ...data.kpis,
    ...data.goldenRules,
  ]
  const seen = new Set<string>()
  for (const item of all) {
    if (seen.has(item.id)) problems.push(`id ${item.id} is used twice`)
    seen.add(item.id)
  }
  for (const [i, p] of data.participants.entries())
    check(`participants[${i}].unitId`, p.unitId, units, 'unit')
  for (const [i, t] of data.touchpoints.entries())
    check(`touchpoints[${i}].stageId`, t.stageId, stages, 'stage')
  data.pains.forEach((p, i) => {
    check(`pains[${i}].stageId`, p.stageId, stages, 'stage')
    for (const s of p.segmentIds) check(`pains[${i}].segmentIds`, s, segments, 'segment')
  })
  for (const [i, d] of data.stageData.entries()) check(`stageData[${i}].stageId`, d.stageId, stages, 'stage')
  data.interventions.forEach((n, i) => {
    check(`interventions[${i}].groupId`, n.groupId, groups, 'group')
    for (const p of n.painIds) check(`interventions[${i}].painIds`, p, pains, 'pain')
  })
  for (const [i, p] of data.priorities.entries()) check(`priorities[${i}]`, p, interventions, 'intervention')
  for (const [i, s] of data.subActions.entries())
    check(`subActions[${i}].areaId`, s.areaId, interventions, 'intervention')
  for (const [rowId, cells] of Object.entries(data.raci)) {
    check('raci', rowId, rows, 'row')
    for (const unitId of Object.keys(cells)) check(`raci.${rowId}`, unitId, units, 'unit')
  }
  data.actions.forEach((a, i) => {
    check(`actions[${i}].areaId`, a.areaId, interventions, 'intervention')
    check(`actions[${i}].unitId`, a.unitId, units, 'unit')
    for (const d of a.dependsOn) check(`actions[${i}].dependsOn`, d, actions, 'action')
  })
  for (const [i, m] of data.metrics.entries()) check(`metrics[${i}].actionId`, m.actionId, actions, 'action')
  data.pipeline.forEach((e, i) => {
    check(`pipeline[${i}].actionId`, e.actionId, actions, 'action')
    check(`pipeline[${i}].waveId`, e.waveId, waves, 'wave')
    check(`pipeline[${i}].unitId`, e.unitId, units, 'unit')
  })
  data.kpis.forEach((k, i) => {
    for (const a of k.actionIds) check(`kpis[${i}].actionIds`, a, actions, 'action')
    check(`kpis[${i}].metricId`, k.metricId, metrics, 'metric')
  })
  data.goldenRules.forEach((r, i) => {
    for (const a of r.actionIds) check(`goldenRules[${i}].actionIds`, a, actions, 'action')
  })
  if (data.followUp) {
    const entries = ids(data.pipeline)
    const kpis = ids(data.kpis)
    for (const item of [...data.followUp.updates, ...data.followUp.readings, ...data.followUp.reviews]) {
      if (seen.has(item.id)) problems.push(`id ${item.id} is used twice`)
      seen.add(item.id)
    }
    for (const [i, u] of data.followUp.updates.entries())
      check(`followUp.updates[${i}].entryId`, u.entryId, entries, 'pipeline entry')
    for (const [i, r] of data.followUp.readings.entries())
      check(`followUp.readings[${i}].kpiId`, r.kpiId, kpis, 'KPI')
  }
  if (data.vision) {
    const v = data.vision
    for (const item of [...v.factors, ...v.cultureStatements, ...v.personas, ...v.moments]) {
      if (seen.has(item.id)) problems.push(`id ${item.id} is used twice`)
      seen.add(item.id)
    }
    const factors = ids(v.factors)
    const personas = ids(v.personas)
    for (const [i, f] of v.chosenFactors.entries()) check(`vision.chosenFactors[${i}]`, f, factors, 'factor')
    v.moments.forEach((m, i) => {
      check(`vision.moments[${i}].personaId`, m.personaId, personas, 'persona')
      check(`vision.moments[${i}].stageId`, m.stageId, stages, 'stage')
      check(`vision.moments[${i}].factorId`, m.factorId, factors, 'factor')
    })
  }
  return problems
}
