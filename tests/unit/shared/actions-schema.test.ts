import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addAction,
  addMetric,
  duplicateAction,
  readActions,
  readActionThresholds,
  readMetrics,
  removeAction,
  setActionScores,
  setActionThreshold,
  setDependency,
  setMetricChosen,
} from '../../../shared/schema/actions.ts'
import { sync } from '../../support/ydocs.ts'

describe('action cards in the shared document', () => {
  it('keep the four scores whole when two people drop the same card at once', () => {
    const a = new Y.Doc()
    const id = addAction(a, null, 'Evening delivery')
    const b = new Y.Doc()
    sync(a, b)
    setActionScores(a, id, { benefit: 5, cost: 1, complexity: 1, time: 1 })
    setActionScores(b, id, { benefit: 1, cost: 5, complexity: 5, time: 5 })
    sync(a, b)
    const [scores] = readActions(a).map((x) => x.scores)
    expect(readActions(b)[0]!.scores).toEqual(scores)
    expect([
      { benefit: 5, cost: 1, complexity: 1, time: 1 },
      { benefit: 1, cost: 5, complexity: 5, time: 5 },
    ]).toContainEqual(scores)
  })

  it('refuse a dependency loop without changing anything, and clean up after a delete', () => {
    const doc = new Y.Doc()
    const [one, two, three] = ['One', 'Two', 'Three'].map((t) => addAction(doc, null, t)) as [
      string,
      string,
      string,
    ]
    expect(setDependency(doc, one, two, true)).toBeNull()
    expect(setDependency(doc, two, three, true)).toBeNull()
    expect(setDependency(doc, three, one, true)).toEqual([three, one, two, three])
    expect(readActions(doc).find((a) => a.id === three)!.dependsOn).toEqual([])
    const metric = addMetric(doc, two, 'Complaints per month')
    setMetricChosen(doc, metric, true)
    removeAction(doc, two)
    expect(readActions(doc).find((a) => a.id === one)!.dependsOn).toEqual([])
    expect(readMetrics(doc)).toEqual([])
  })

  it('duplicate a card right after itself, with its scores and its metrics not yet chosen', () => {
    const doc = new Y.Doc()
    const first = addAction(doc, 'area-1', 'Single price list')
    addAction(doc, null, 'Later card')
    setActionScores(doc, first, { benefit: 4, cost: 2 })
    const metric = addMetric(doc, first, 'Price gap between channels')
    setMetricChosen(doc, metric, true)
    const copy = duplicateAction(doc, first, '(copy)')!
    expect(readActions(doc).map((a) => a.title)).toEqual([
      'Single price list',
      'Single price list (copy)',
      'Later card',
    ])
    expect(readActions(doc)[1]).toMatchObject({
      areaId: 'area-1',
      scores: { benefit: 4, cost: 2, complexity: null, time: null },
    })
    expect(readMetrics(doc).filter((m) => m.actionId === copy)).toMatchObject([
      { name: 'Price gap between channels', chosen: false },
    ])
  })

  it('keep thresholds on the 1-5 scale in half points', () => {
    const doc = new Y.Doc()
    expect(readActionThresholds(doc)).toEqual({ benefit: 3, constraint: 3 })
    setActionThreshold(doc, 'benefit', 3.7)
    setActionThreshold(doc, 'constraint', 9)
    expect(readActionThresholds(doc)).toEqual({ benefit: 3.5, constraint: 5 })
  })
})
