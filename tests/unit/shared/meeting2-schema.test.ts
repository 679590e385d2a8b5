import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import { readInterventions } from '../../../shared/schema/interventions.ts'
import {
  readMatrixPositions,
  readMatrixSettings,
  setAxisLabel,
  setMatrixPosition,
  setThreshold,
} from '../../../shared/schema/materiality.ts'
import {
  addSubAction,
  raciRows,
  readRaciCells,
  readSubActions,
  removeSubAction,
  setRaciCell,
} from '../../../shared/schema/raci.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { sync } from '../../support/ydocs.ts'

function twoDemoDocs() {
  const seed = initialWorkshopUpdates({ title: 't', organisation: '', language: 'en', demo: true }).content
  const docs = [new Y.Doc(), new Y.Doc()] as const
  for (const doc of docs) Y.applyUpdate(doc, seed)
  return docs
}

describe('meeting 2 in the shared document', () => {
  it('a card dragged by two people at once ends at one of the two drops, never x from one and y from the other', () => {
    const [a, b] = twoDemoDocs()
    const id = readInterventions(a)[0]!.id
    setMatrixPosition(a, id, { x: 10, y: 90 })
    setMatrixPosition(b, id, { x: 80, y: 20 })
    sync(a, b)
    const final = readMatrixPositions(a)[id]
    expect(readMatrixPositions(b)[id]).toEqual(final)
    expect([
      { x: 10, y: 90 },
      { x: 80, y: 20 },
    ]).toContainEqual(final)
  })

  it('clamps positions and settings, and falls back to defaults for anything malformed', () => {
    const [doc] = twoDemoDocs()
    const id = readInterventions(doc)[0]!.id
    setMatrixPosition(doc, id, { x: 140.2, y: -3 })
    expect(readMatrixPositions(doc)[id]).toEqual({ x: 100, y: 0 })
    expect(readMatrixSettings(doc)).toEqual({ xLabel: null, yLabel: null, threshold: 50 })
    setAxisLabel(doc, 'x', '  Impatto sul cliente  ')
    setThreshold(doc, 61.6)
    expect(readMatrixSettings(doc)).toEqual({ xLabel: 'Impatto sul cliente', yLabel: null, threshold: 62 })
    doc.getMap('materiality').set('threshold', 'high')
    expect(readMatrixSettings(doc).threshold).toBe(50)
  })

  it('RACI cells set by two people on different cells merge; removing a sub-action takes its row', () => {
    const [a, b] = twoDemoDocs()
    const [area] = readInterventions(a)
    const [sales, care] = readNamedList(a, 'units')
    setRaciCell(a, area!.id, sales!.id, 'A')
    setRaciCell(b, area!.id, care!.id, 'R')
    sync(a, b)
    expect(readRaciCells(b)).toEqual({ [area!.id]: { [sales!.id]: 'A', [care!.id]: 'R' } })

    const sub = addSubAction(a, area!.id, 'Train the counter staff')
    setRaciCell(a, sub, care!.id, 'R')
    expect(raciRows([area!.id], readSubActions(a)).map((r) => r.kind)).toEqual(['area', 'subAction'])
    removeSubAction(a, sub)
    expect(readRaciCells(a)[sub]).toBeUndefined()
    expect(readSubActions(a)).toEqual([])
    setRaciCell(a, area!.id, sales!.id, null)
    expect(readRaciCells(a)).toEqual({ [area!.id]: { [care!.id]: 'R' } })
  })
})
