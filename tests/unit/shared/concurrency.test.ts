import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import { moveRecord, recordText, removeRecord } from '../../../shared/schema/records.ts'
import { addNamed, readNamedList } from '../../../shared/schema/setup.ts'
import { sync } from '../../support/ydocs.ts'

/** A small deterministic random generator, so a failing seed can be replayed. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

describe('two people editing the journey stages at once', () => {
  it('converge to the same list, without duplicates or losses, whatever they do (fuzz)', () => {
    const seedUpdate = initialWorkshopUpdates({
      title: 't',
      organisation: '',
      language: 'en',
      demo: true,
    }).content
    for (let seed = 1; seed <= 40; seed++) {
      const rand = random(seed)
      const docs = [new Y.Doc(), new Y.Doc()] as const
      for (const doc of docs) Y.applyUpdate(doc, seedUpdate)
      for (let round = 0; round < 6; round++) {
        for (const doc of docs) {
          for (let op = 0; op < 4; op++) {
            const stages = readNamedList(doc, 'stages')
            const pick = stages[Math.floor(rand() * stages.length)]
            const roll = rand()
            if (roll < 0.3 || !pick) addNamed(doc, 'stages', `s${seed}-${round}-${op}`)
            else if (roll < 0.7) moveRecord(doc, 'stages', pick.id, Math.floor(rand() * stages.length))
            else if (roll < 0.85) recordText(doc, 'stages', pick.id, 'name')?.insert(0, '*')
            else removeRecord(doc, 'stages', pick.id)
          }
        }
        if (rand() < 0.6) sync(docs[0], docs[1])
      }
      sync(docs[0], docs[1])
      const [left, right] = docs.map((doc) => readNamedList(doc, 'stages'))
      expect(left).toEqual(right)
      expect(new Set(left!.map((s) => s.id)).size).toBe(left!.length)
    }
  })

  it('a concurrent move and rename of one stage keep both', () => {
    const seedUpdate = initialWorkshopUpdates({
      title: 't',
      organisation: '',
      language: 'en',
      demo: true,
    }).content
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    Y.applyUpdate(a, seedUpdate)
    Y.applyUpdate(b, seedUpdate)
    const first = readNamedList(a, 'stages')[0]!
    moveRecord(a, 'stages', first.id, 5)
    recordText(b, 'stages', first.id, 'name')!.insert(0, 'Online ')
    sync(a, b)
    for (const doc of [a, b]) {
      const stages = readNamedList(doc, 'stages')
      expect(stages.at(-1)).toMatchObject({ id: first.id, name: `Online ${first.name}` })
      expect(stages).toHaveLength(6)
    }
  })
})
