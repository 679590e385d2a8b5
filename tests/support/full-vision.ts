import * as Y from 'yjs'
import { controlMap } from '../../shared/schema/control.ts'
import { initialWorkshopUpdates } from '../../shared/schema/init.ts'
import { recordText } from '../../shared/schema/records.ts'
import { addNamed } from '../../shared/schema/setup.ts'
import {
  addMoment,
  addPersona,
  MOTIVATIONS,
  PERSONA_TEXTS,
  PERSONALITY,
  readCultureStatements,
  readFactors,
  setChosenFactors,
  setMomentFactor,
  setPersonaField,
  setPersonaSlider,
} from '../../shared/schema/vision.ts'

/**
 * A CX vision workshop carried through every board: stages, three chosen factors scored
 * today and target, two personas with every field and slider, their moments of truth, the
 * culture self-assessment closed with results. What the layout and print checks read.
 */
export function fullVisionWorkshop(language: 'it' | 'en' = 'en') {
  const seed = initialWorkshopUpdates({
    title: 'CX vision 2027: the customer we want to serve',
    organisation: 'AutoLungo',
    language,
    demo: false,
    kind: 'vision',
  })
  const content = new Y.Doc()
  const control = new Y.Doc()
  Y.applyUpdate(content, seed.content)
  Y.applyUpdate(control, seed.control)
  const stages = ['Research and quote', 'Contract', 'Waiting for the car', 'Delivery', 'First month'].map(
    (name) => addNamed(content, 'stages', name),
  )
  const factors = readFactors(content)
  const chosen = factors.slice(0, 3)
  setChosenFactors(
    control,
    chosen.map((f) => f.id),
  )
  const scores = (i: number) => ({
    today: { mean: 3 + i, spread: 1, answers: 4 },
    target: { mean: 8 + (i % 2), spread: 0.5, answers: 4 },
  })
  controlMap(control).set('rating:factors', {
    id: 'factors-round',
    purpose: 'factors',
    status: 'closed',
    items: chosen.map((f) => ({ id: f.id, title: f.name, group: f.name })),
    axes: ['today', 'target'],
    min: 0,
    max: 10,
    answered: 4,
    registered: 4,
    results: chosen.map((f, i) => ({ itemId: f.id, axes: scores(i) })),
  })
  const statements = readCultureStatements(content)
  controlMap(control).set('rating:culture', {
    id: 'culture-round',
    purpose: 'culture',
    status: 'closed',
    items: statements.map((s) => ({ id: s.id, title: s.text, group: s.area })),
    axes: ['score'],
    min: 1,
    max: 5,
    answered: 4,
    registered: 4,
    results: statements.map((s, i) => ({
      itemId: s.id,
      axes: { score: { mean: 1 + (i % 5) * 0.8, spread: 0.7, answers: 4 } },
    })),
  })
  for (const [n, name] of ['Laura Bianchi-Montefeltro', 'Marco'].entries()) {
    const persona = addPersona(content, name, n === 0 ? '#4338ca' : '#0f766e')
    for (const field of PERSONA_TEXTS) {
      if (field === 'name') continue
      recordText(content, 'personas', persona, field)?.insert(
        0,
        `${field} of ${name}: a sentence long enough to wrap`,
      )
    }
    setPersonaField(content, persona, 'age', 41 + n)
    for (const [i, slider] of [...MOTIVATIONS, ...PERSONALITY].entries())
      setPersonaSlider(content, persona, slider, (i * 13) % 100)
    for (const stage of stages.slice(0, 3)) {
      const moment = addMoment(content, persona, stage)
      recordText(content, 'moments', moment, 'excellent')?.insert(0, `An excellent moment for ${name}`)
      setMomentFactor(content, moment, chosen[n]!.id)
    }
  }
  return { content, control }
}
