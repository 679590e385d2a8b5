import * as Y from 'yjs'
import {
  addAction,
  addMetric,
  setActionScores,
  setDependency,
  setMetricChosen,
} from '../../shared/schema/actions.ts'
import { setPriorities } from '../../shared/schema/control.ts'
import {
  addKpiReadings,
  appendActionUpdate,
  markReview,
  setFollowUpSetting,
} from '../../shared/schema/follow-up.ts'
import { addGoldenRule, linkRuleAction, setRuleApproved } from '../../shared/schema/golden-rules.ts'
import { initialWorkshopUpdates } from '../../shared/schema/init.ts'
import { readInterventions } from '../../shared/schema/interventions.ts'
import { setStageCes, setStageNps } from '../../shared/schema/journey-data.ts'
import { addKpi, setKpiField } from '../../shared/schema/kpis.ts'
import { setAxisLabel, setMatrixPositions } from '../../shared/schema/materiality.ts'
import {
  addPipelineEntries,
  readPipeline,
  readWaves,
  setPipelineField,
} from '../../shared/schema/pipeline.ts'
import { addSubAction, setRaciCell } from '../../shared/schema/raci.ts'
import { recordText } from '../../shared/schema/records.ts'
import { readNamedList } from '../../shared/schema/setup.ts'

/**
 * A demo workshop carried through all four meetings with the schema's own functions: what the
 * export, import and report tests read. Texts include commas, quotes, line breaks and accents.
 */
export function fullWorkshop(language: 'it' | 'en' = 'it') {
  const content = new Y.Doc()
  const control = new Y.Doc()
  const seed = initialWorkshopUpdates({
    title: 'Qualità, "prima" di tutto',
    organisation: 'AutoLungo',
    language,
    demo: true,
  })
  Y.applyUpdate(content, seed.content)
  Y.applyUpdate(control, seed.control)
  const [prices, welcome, car] = readInterventions(content).map((i) => i.id) as [string, string, string]
  const [sales, care] = readNamedList(content, 'units').map((u) => u.id) as [string, string]
  const [firstStage, secondStage] = readNamedList(content, 'stages').map((s) => s.id) as [string, string]
  // 25 answers: below the small-sample line, which the exports must say.
  setStageNps(content, firstStage, { promoters: 12, passives: 5, detractors: 8 })
  setStageCes(content, secondStage, [2, 4, 10, 6, 3, 2, 1])
  setMatrixPositions(content, {
    [prices]: { x: 90, y: 80 },
    [welcome]: { x: 30, y: 60 },
    [car]: { x: 70, y: 70 },
  })
  setAxisLabel(content, 'y', 'Impatto sul business')
  setPriorities(control, [prices, car])
  setRaciCell(content, prices, sales, 'A')
  setRaciCell(content, prices, care, 'R')
  const sub = addSubAction(content, car, 'Accordo con noleggiatori')
  setRaciCell(content, sub, care, 'R')
  const evening = addAction(content, prices, 'Consegna serale, su appuntamento')
  setActionScores(content, evening, { benefit: 5, cost: 1, complexity: 2, time: 1 })
  recordText(content, 'actions', evening, 'owner')?.insert(0, 'Giulia Bianchi')
  recordText(content, 'actions', evening, 'description')?.insert(
    0,
    'Prima riga\nseconda riga con "virgolette"',
  )
  const portal = addAction(content, car, 'Nuovo portale clienti')
  setActionScores(content, portal, { benefit: 5, cost: 5, complexity: 4, time: 5 })
  setDependency(content, portal, evening, true)
  const metric = addMetric(content, evening, 'Consegne in ritardo al mese')
  setMetricChosen(content, metric, true)
  const [now, next] = readWaves(content).map((w) => w.id) as [string, string]
  addPipelineEntries(content, [
    { actionId: evening, waveId: now, owner: 'Giulia Bianchi', unitId: care },
    { actionId: portal, waveId: next, owner: '', unitId: null },
  ])
  const entry = readPipeline(content).find((e) => e.actionId === evening)!.id
  setPipelineField(content, entry, 'start', '2027-03-01')
  setPipelineField(content, entry, 'due', '2027-04-15')
  setPipelineField(content, entry, 'status', 'in-progress')
  const kpi = addKpi(content, 'Ritardi, al mese', { actionIds: [evening], metricId: metric })
  recordText(content, 'kpis', kpi, 'baseline')?.insert(0, '4,5')
  recordText(content, 'kpis', kpi, 'target')?.insert(0, '2')
  setKpiField(content, kpi, 'direction', 'lower')
  const rule = addGoldenRule(content, 'Il cliente sa sempre quando arriva la sua auto')
  linkRuleAction(content, rule, evening, true)
  setRuleApproved(content, rule, true)
  // Follow-up: the owner's first update (the server writes these) and two readings from the field.
  setFollowUpSetting(content, 'since', '2026-09-01')
  markReview(content, '2026-10-01', Date.UTC(2026, 9, 1, 10))
  appendActionUpdate(content, {
    entryId: entry,
    date: '2026-10-05',
    at: Date.UTC(2026, 9, 5, 17, 30),
    by: 'Giulia Bianchi',
    status: 'in-progress',
    percent: 30,
    note: 'Primo turno serale, "pilota" a Milano',
  })
  addKpiReadings(content, kpi, [
    { date: '2026-09-30', value: '4,4', source: 'CRM', note: '' },
    { date: '2026-10-31', value: '3,8', source: 'CRM', note: 'Dopo il pilota; stima' },
  ])
  return { content, control, ids: { prices, welcome, car, sales, care, evening, portal, kpi, rule, entry } }
}
