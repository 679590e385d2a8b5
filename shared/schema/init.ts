import * as Y from 'yjs'
import { type DemoMeeting1, demoContent } from '../demo.ts'
import type { Language } from '../i18n-language.ts'
import type { WorkshopKind } from '../steps.ts'
import { controlMap } from './control.ts'
import { addIntervention, linkPain } from './interventions.ts'
import { addPain, addTouchpoint, setPainSegment } from './journey.ts'
import { setStageNps } from './journey-data.ts'
import { initMeta, metaText } from './meta.ts'
import { SYSTEM_ORIGIN } from './origin.ts'
import { seedWaves } from './pipeline.ts'
import { recordText, setField } from './records.ts'
import { addNamed, addParticipant, readNamedList } from './setup.ts'
import { seedVision } from './vision.ts'

export type NewWorkshop = {
  title: string
  organisation: string
  language: Language
  demo: boolean
  kind?: WorkshopKind | undefined
}

/**
 * The first state (the seeding runs inside one SYSTEM_ORIGIN transaction, so nothing of it is
 * anyone's undo step) of a workshop's two documents, as Yjs updates. Seeded once by the server so
 * that no two clients ever create the same top-level text concurrently.
 */
export function initialWorkshopUpdates(input: NewWorkshop): { content: Uint8Array; control: Uint8Array } {
  const content = new Y.Doc()
  content.transact(() => {
    initMeta(content, input)
    if (input.kind === 'vision') seedVision(content, input.language)
    else seedWaves(content, input.language)
    if (input.demo) fillDemo(content, input.language)
  }, SYSTEM_ORIGIN)
  const control = new Y.Doc()
  control.transact(() => controlMap(control).set('step', 'setup'), SYSTEM_ORIGIN)
  return { content: Y.encodeStateAsUpdate(content), control: Y.encodeStateAsUpdate(control) }
}

function fillDemo(doc: Y.Doc, language: Language): void {
  const demo = demoContent(language)
  metaText(doc, 'focus').insert(0, demo.focus)
  for (const stage of demo.stages) addNamed(doc, 'stages', stage)
  for (const segment of demo.segments) addNamed(doc, 'segments', segment)
  const unitIds = demo.units.map((unit) => addNamed(doc, 'units', unit))
  for (const person of demo.participants) {
    addParticipant(doc, person.name, unitIds[person.unit] ?? null)
  }
  fillDemoMeeting1(doc, demo.meeting1)
}

function fillDemoMeeting1(doc: Y.Doc, demo: DemoMeeting1): void {
  const stageIds = readNamedList(doc, 'stages').map((s) => s.id)
  const segmentIds = readNamedList(doc, 'segments').map((s) => s.id)
  for (const tp of demo.touchpoints) {
    const id = addTouchpoint(doc, stageIds[tp.stage]!, tp.name)
    setField(doc, 'touchpoints', id, 'momentOfTruth', tp.momentOfTruth)
  }
  const painIds = demo.pains.map((pain) => {
    const id = addPain(doc, stageIds[pain.stage]!, pain.text, pain.kind)
    setField(doc, 'pains', id, 'severity', pain.severity)
    setField(doc, 'pains', id, 'inScope', pain.inScope)
    recordText(doc, 'pains', id, 'evidence')?.insert(0, pain.evidence)
    for (const segment of pain.segments) setPainSegment(doc, id, segmentIds[segment]!, true)
    return id
  })
  for (const { stage, ...counts } of demo.nps) setStageNps(doc, stageIds[stage]!, counts)
  for (const intervention of demo.interventions) {
    const id = addIntervention(doc, intervention.title)
    recordText(doc, 'interventions', id, 'description')?.insert(0, intervention.description)
    for (const pain of intervention.pains) linkPain(doc, id, painIds[pain]!, true)
  }
}
