import { describe, expect, it } from 'vitest'
import { kpiProblems, parseNumber, quickWinsWithoutKpi } from '../../../shared/domain/kpis.ts'
import {
  buildTimeline,
  dateProblems,
  isIsoDate,
  pipelineOrder,
  suggestedWave,
  weekStart,
} from '../../../shared/domain/pipeline.ts'

describe('the pipeline', () => {
  it('puts quick wins first, then investments, minor, deprioritised and unscored actions', () => {
    const order = pipelineOrder([
      { id: 'unscored', quadrant: null, benefit: null, constraint: null },
      { id: 'invest', quadrant: 'investment', benefit: 5, constraint: 4 },
      { id: 'win-b', quadrant: 'quick-win', benefit: 4, constraint: 1 },
      { id: 'minor', quadrant: 'minor', benefit: 2, constraint: 2 },
      { id: 'win-a', quadrant: 'quick-win', benefit: 5, constraint: 2 },
      { id: 'win-c', quadrant: 'quick-win', benefit: 4, constraint: 1.3 },
      { id: 'drop', quadrant: 'deprioritise', benefit: 1, constraint: 5 },
    ])
    expect(order).toEqual(['win-a', 'win-b', 'win-c', 'invest', 'minor', 'drop', 'unscored'])
  })

  it('suggests a wave by quadrant, within the waves there are', () => {
    expect(suggestedWave('quick-win', 3)).toBe(0)
    expect(suggestedWave('investment', 3)).toBe(1)
    expect(suggestedWave('minor', 3)).toBe(2)
    expect(suggestedWave(null, 2)).toBe(1)
    expect(suggestedWave('investment', 1)).toBe(0)
  })

  it('checks dates: real calendar days, due not before start', () => {
    expect(isIsoDate('2027-02-28')).toBe(true)
    expect(isIsoDate('2027-02-31')).toBe(false)
    expect(isIsoDate('28/02/2027')).toBe(false)
    expect(dateProblems('2027-03-10', '2027-03-01')).toEqual(['due-before-start'])
    expect(dateProblems('2027-03-10', '2027-03-10')).toEqual([])
    expect(dateProblems('2027-13-01', null)).toEqual(['start-invalid'])
    expect(dateProblems(null, null)).toEqual([])
  })

  it('draws bars over weeks from Monday to Monday, listing entries without dates apart', () => {
    expect(weekStart('2027-03-10')).toBe('2027-03-08')
    expect(weekStart('2027-03-08')).toBe('2027-03-08')
    const timeline = buildTimeline([
      { id: 'a', start: '2027-03-10', due: '2027-03-24' },
      { id: 'b', start: null, due: '2027-03-16' },
      { id: 'c', start: null, due: null },
      { id: 'd', start: '2027-03-20', due: '2027-03-01' },
    ])
    expect(timeline.weeks).toEqual(['2027-03-08', '2027-03-15', '2027-03-22'])
    expect(timeline.bars).toEqual([
      { id: 'a', fromWeek: 0, weeks: 3 },
      { id: 'b', fromWeek: 1, weeks: 1 },
      { id: 'd', fromWeek: 1, weeks: 1 },
    ])
    expect(timeline.undated).toEqual(['c'])
    expect(buildTimeline([]).weeks).toEqual([])
  })
})

describe('the KPI set', () => {
  it('reads numbers the way Italians and others type them', () => {
    expect(
      ['3,5', '3.5', '1.234,5', '1,234.5', '-2', '12%', ' 7 ', '', 'abc', '1,2,3'].map((t) => parseNumber(t)),
    ).toEqual([3.5, 3.5, 1234.5, 1234.5, -2, 12, 7, null, null, null])
  })

  it('reads dots as thousands in Italian and commas as thousands in English', () => {
    expect(['1.234', '12.500', '1.234.567', '1.5', '4,5', '1,234'].map((t) => parseNumber(t, 'it'))).toEqual([
      1234, 12500, 1234567, 1.5, 4.5, 1.234,
    ])
    expect(['1,234', '12,500', '1.234', '4,5', '1.234,5'].map((t) => parseNumber(t, 'en'))).toEqual([
      1234, 12500, 1.234, 4.5, 1234.5,
    ])
    // A target of 1.500 deliveries in Italian improves on a baseline of 900.
    expect(
      kpiProblems({ baseline: '900', target: '1.500', direction: 'higher', actionIds: ['a'] }, 'it'),
    ).toEqual([])
  })

  it('flags text where a number belongs, a target that does not improve, a KPI with no action', () => {
    expect(kpiProblems({ baseline: '4,2', target: '3', direction: 'lower', actionIds: ['a'] })).toEqual([])
    expect(kpiProblems({ baseline: 'molti', target: '', direction: 'higher', actionIds: ['a'] })).toEqual([
      { problem: 'baseline-not-a-number' },
    ])
    expect(kpiProblems({ baseline: '40', target: '35', direction: 'higher', actionIds: [] })).toEqual([
      { problem: 'target-not-an-improvement', direction: 'higher' },
      { problem: 'no-action' },
    ])
  })

  it('lists the quick wins no KPI measures', () => {
    expect(quickWinsWithoutKpi(['a', 'b', 'c'], [{ actionIds: ['b'] }, { actionIds: ['x', 'c'] }])).toEqual([
      'a',
    ])
  })
})
