import { describe, expect, it } from 'vitest'
import { derivePerimeter, type PainSnapshot } from '../../../shared/domain/perimeter.ts'

const pain = (over: Partial<PainSnapshot> & { id: string }): PainSnapshot => ({
  stageId: 's1',
  kind: 'pain',
  text: over.id,
  severity: 3,
  segmentIds: [],
  inScope: true,
  ...over,
})

describe('the perimeter of meeting 1', () => {
  const stages = ['s1', 's2']
  const segments = ['private', 'business']

  it('lists in-scope pains by severity then along the journey, and enhancements apart', () => {
    const perimeter = derivePerimeter(
      stages,
      segments,
      [
        pain({ id: 'late', stageId: 's2', severity: 5, segmentIds: ['private'] }),
        pain({ id: 'form', stageId: 's1', severity: 5, segmentIds: ['private'] }),
        pain({ id: 'minor', severity: 1, segmentIds: ['private'] }),
        pain({ id: 'idea', kind: 'enhancement', segmentIds: ['private'] }),
        pain({ id: 'out', inScope: false }),
        pain({ id: 'orphan', stageId: 'deleted-stage' }),
      ],
      [],
    )
    expect(perimeter.pains.map((p) => p.id)).toEqual(['form', 'late', 'minor'])
    expect(perimeter.enhancements.map((p) => p.id)).toEqual(['idea'])
    expect(perimeter.outOfScope).toBe(2)
    expect(perimeter.customers).toEqual({ all: false, segmentIds: ['private'] })
  })

  it('says "all customers" when an item hits everyone or every segment is hit', () => {
    expect(derivePerimeter(stages, segments, [pain({ id: 'a' })], []).customers).toEqual({ all: true })
    const both = [pain({ id: 'a', segmentIds: ['private'] }), pain({ id: 'b', segmentIds: ['business'] })]
    expect(derivePerimeter(stages, segments, both, []).customers).toEqual({ all: true })
  })

  it('links interventions to in-scope items and lists what nothing addresses yet', () => {
    const perimeter = derivePerimeter(
      stages,
      segments,
      [pain({ id: 'a' }), pain({ id: 'b' }), pain({ id: 'out', inScope: false })],
      [
        { id: 'i1', title: 'Tracking', painIds: ['a', 'out'] },
        { id: 'i2', title: 'Unrelated', painIds: ['out'] },
      ],
    )
    expect(perimeter.interventions).toEqual([
      { id: 'i1', title: 'Tracking', painIds: ['a'], addressesScope: true },
      { id: 'i2', title: 'Unrelated', painIds: [], addressesScope: false },
    ])
    expect(perimeter.unaddressed.map((p) => p.id)).toEqual(['b'])
  })
})
