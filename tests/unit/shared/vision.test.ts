import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { exportVision, visionMarkdown, visionTables } from '../../../shared/exports/vision.ts'
import { controlMap } from '../../../shared/schema/control.ts'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import { recordText } from '../../../shared/schema/records.ts'
import { addNamed } from '../../../shared/schema/setup.ts'
import {
  addMoment,
  addPersona,
  readCultureStatements,
  readFactors,
  readPersonas,
  removePersona,
  setChosenFactors,
  setMomentFactor,
  setPersonaSlider,
} from '../../../shared/schema/vision.ts'
import { sync } from '../../support/ydocs.ts'

function visionWorkshop() {
  const seed = initialWorkshopUpdates({
    title: 'Visione',
    organisation: '',
    language: 'it',
    demo: false,
    kind: 'vision',
  })
  const content = new Y.Doc()
  const control = new Y.Doc()
  Y.applyUpdate(content, seed.content)
  Y.applyUpdate(control, seed.control)
  return { content, control }
}

describe('the CX vision workshop', () => {
  it('starts with the six factors and thirty statements in ten areas, in our own words', () => {
    const { content } = visionWorkshop()
    expect(readFactors(content).map((f) => f.name)).toEqual([
      'Certezza',
      'Libertà',
      'Innovazione',
      'Status',
      'Controllo',
      'Appartenenza',
    ])
    const statements = readCultureStatements(content)
    expect(statements).toHaveLength(30)
    expect(new Set(statements.map((s) => s.area)).size).toBe(10)
  })

  it('keeps two people moving different persona sliders; removing a persona takes its moments', () => {
    const { content } = visionWorkshop()
    const laura = addPersona(content, 'Laura', '#4338ca')
    const other = new Y.Doc()
    sync(content, other)
    setPersonaSlider(content, laura, 'fear', 80)
    setPersonaSlider(other, laura, 'extroversion', 130)
    sync(content, other)
    expect(readPersonas(other)[0]!.sliders).toEqual({ fear: 80, extroversion: 100 })
    const stage = addNamed(content, 'stages', 'Consegna')
    addMoment(content, laura, stage)
    removePersona(content, laura)
    expect(exportVision(content, new Y.Doc()).moments).toEqual([])
  })

  it('exports the vision: chosen factors with their scores, personas, moments, the culture results', () => {
    const { content, control } = visionWorkshop()
    const [certezza] = readFactors(content)
    setChosenFactors(control, [certezza!.id])
    controlMap(control).set('rating:factors', {
      id: 'r',
      purpose: 'factors',
      status: 'closed',
      items: [{ id: certezza!.id, title: 'Certezza', group: 'Certezza' }],
      axes: ['today', 'target'],
      min: 0,
      max: 10,
      answered: 2,
      registered: 2,
      results: [
        {
          itemId: certezza!.id,
          axes: { today: { mean: 4, spread: 1, answers: 2 }, target: { mean: 9, spread: 0, answers: 2 } },
        },
      ],
    })
    const laura = addPersona(content, 'Laura', '#4338ca')
    recordText(content, 'personas', laura, 'quote')?.insert(0, 'Voglio certezze | non scuse')
    const stage = addNamed(content, 'stages', 'Consegna')
    const moment = addMoment(content, laura, stage)
    recordText(content, 'moments', moment, 'excellent')?.insert(0, 'Auto pronta all’ora promessa')
    setMomentFactor(content, moment, certezza!.id)
    const data = exportVision(content, control)
    expect(data.factors.filter((f) => f.chosen)).toMatchObject([
      { name: 'Certezza', today: 4, target: 9, gap: 5 },
    ])
    expect(data.factorAnswers).toBe(2)
    expect(visionTables(data)[0]!.rows).toEqual([['Certezza', 4, 9, 5]])
    const markdown = visionMarkdown(data)
    expect(markdown).toContain('| Certezza | 4 | 9 | 5 |')
    expect(markdown).toContain('Risposte: 2')
    // A table's lines follow each other (a blank line between them is no table in any viewer).
    expect(markdown).toMatch(
      /\| Fattore \| Oggi \| Obiettivo \| Distanza \(obiettivo - oggi\) \|\n\| --- \| --- \| --- \| --- \|\n\| Certezza \| 4 \| 9 \| 5 \|/,
    )
    expect(markdown).toContain('> Voglio certezze \\| non scuse')
    expect(markdown).toContain('- **Laura · Consegna**: Auto pronta all’ora promessa (Certezza)')
    expect(data.culture).toBeNull()
  })
})
