import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import {
  addIntervention,
  addInterventionGroup,
  linkPain,
  moveIntervention,
  readInterventions,
  removeInterventionGroup,
} from '../../../shared/schema/interventions.ts'
import {
  addPain,
  addTouchpoint,
  cardsOnStage,
  moveCard,
  readPains,
  readTouchpoints,
  removePain,
  removeStage,
  setPainSegment,
} from '../../../shared/schema/journey.ts'
import { readStageData, setStageCes, setStageNps } from '../../../shared/schema/journey-data.ts'
import { addNamed, readNamedList } from '../../../shared/schema/setup.ts'
import { sync } from '../../support/ydocs.ts'

/** A workshop with four empty stages and two segments. */
function emptyJourney() {
  const doc = new Y.Doc()
  Y.applyUpdate(
    doc,
    initialWorkshopUpdates({ title: 't', organisation: '', language: 'en', demo: false }).content,
  )
  for (const name of ['Search', 'Order', 'Delivery', 'Use']) addNamed(doc, 'stages', name)
  for (const name of ['Private', 'Business']) addNamed(doc, 'segments', name)
  const stages = readNamedList(doc, 'stages').map((s) => s.id)
  return { doc, stages }
}

const textsOn = (doc: Y.Doc, stageId: string) =>
  readPains(doc)
    .filter((p) => p.stageId === stageId)
    .map((p) => p.text)

describe('the journey map', () => {
  it('keeps each stage’s cards in their own order and moves cards between stages', () => {
    const { doc, stages } = emptyJourney()
    const [s1, s2] = stages as [string, string]
    const a = addPain(doc, s1, 'a')
    addPain(doc, s1, 'b')
    addPain(doc, s2, 'c')
    expect(textsOn(doc, s1)).toEqual(['a', 'b'])
    moveCard(doc, 'pains', a, s2, 0)
    expect(textsOn(doc, s1)).toEqual(['b'])
    expect(textsOn(doc, s2)).toEqual(['a', 'c'])
    moveCard(doc, 'pains', a, s2, 1)
    expect(textsOn(doc, s2)).toEqual(['c', 'a'])
  })

  it('records segments hit as a set that concurrent toggles merge', () => {
    const { doc, stages } = emptyJourney()
    const segments = readNamedList(doc, 'segments').map((s) => s.id)
    const id = addPain(doc, stages[0]!, 'x')
    const other = new Y.Doc()
    sync(doc, other)
    setPainSegment(doc, id, segments[0]!, true)
    setPainSegment(other, id, segments[1]!, true)
    sync(doc, other)
    expect(readPains(other)[0]?.segmentIds).toEqual([segments[0], segments[1]].sort())
  })

  it('two people moving the same card to different stages end with one card in one place', () => {
    const { doc: a, stages } = emptyJourney()
    const id = addPain(a, stages[0]!, 'contested')
    const b = new Y.Doc()
    sync(a, b)
    moveCard(a, 'pains', id, stages[1]!, 0)
    moveCard(b, 'pains', id, stages[2]!, 0)
    sync(a, b)
    expect(readPains(a)).toEqual(readPains(b))
    expect(readPains(a).filter((p) => p.id === id)).toHaveLength(1)
  })

  it('removing a pain removes its links; removing a stage removes its cards and data', () => {
    const { doc, stages } = emptyJourney()
    const [s1, s2] = stages as [string, string]
    const pain = addPain(doc, s1, 'p')
    const kept = addPain(doc, s2, 'kept')
    addTouchpoint(doc, s1, 'website')
    setStageNps(doc, s1, { promoters: 1, passives: 0, detractors: 0 })
    const intervention = addIntervention(doc, 'fix')
    linkPain(doc, intervention, pain, true)
    linkPain(doc, intervention, kept, true)
    expect(cardsOnStage(doc, s1)).toBe(2)
    removePain(doc, pain)
    expect(readInterventions(doc)[0]?.painIds).toEqual([kept])
    removeStage(doc, s1)
    expect(readTouchpoints(doc)).toEqual([])
    expect(readStageData(doc).has(s1)).toBe(false)
    expect(readPains(doc).map((p) => p.text)).toEqual(['kept'])
  })

  it('stores journey data as counts and ignores malformed values', () => {
    const { doc, stages } = emptyJourney()
    setStageNps(doc, stages[0]!, { promoters: 3, passives: 2, detractors: 1 })
    setStageCes(doc, stages[0]!, [1, 0, 0, 0, 0, 0, 2])
    setStageCes(doc, stages[1]!, [1, 2])
    const data = readStageData(doc)
    expect(data.get(stages[0]!)).toEqual({
      stageId: stages[0],
      nps: { promoters: 3, passives: 2, detractors: 1 },
      ces: [1, 0, 0, 0, 0, 0, 2],
    })
    expect(data.get(stages[1]!)?.ces).toBeNull()
  })
})

describe('macro interventions', () => {
  it('move into groups and back when a group is removed', () => {
    const { doc } = emptyJourney()
    const group = addInterventionGroup(doc, 'Communication')
    const a = addIntervention(doc, 'SMS tracking')
    addIntervention(doc, 'Call back')
    moveIntervention(doc, a, group, 0)
    expect(readInterventions(doc).find((i) => i.id === a)?.groupId).toBe(group)
    removeInterventionGroup(doc, group)
    expect(readInterventions(doc).every((i) => i.groupId === null)).toBe(true)
  })
})
