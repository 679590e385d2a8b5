import { describe, expect, it } from 'vitest'
import { raciProblems, unitLoad } from '../../../shared/domain/raci.ts'

const units = ['sales', 'ops', 'it']

describe('the light RACI rules', () => {
  it('accepts rows with exactly one A and at least one R, every unit taking part', () => {
    const cells = { r1: { sales: 'A', ops: 'R' }, r2: { ops: 'A', it: 'R', sales: 'I' } } as const
    expect(raciProblems(['r1', 'r2'], units, cells)).toEqual([])
  })

  it('names every broken rule', () => {
    const cells = { r1: { sales: 'A', ops: 'A', it: 'C' }, r2: { sales: 'R' } } as const
    expect(raciProblems(['r1', 'r2', 'r3'], [...units, 'legal'], cells)).toEqual([
      { problem: 'several-accountable', rowId: 'r1', unitIds: ['sales', 'ops'] },
      { problem: 'no-responsible', rowId: 'r1' },
      { problem: 'no-accountable', rowId: 'r2' },
      { problem: 'no-accountable', rowId: 'r3' },
      { problem: 'no-responsible', rowId: 'r3' },
      { problem: 'unit-unused', unitId: 'legal' },
    ])
  })

  it('ignores cells of removed rows and units, and flags no unit while there are no rows', () => {
    const cells = { gone: { sales: 'A' }, r1: { sales: 'A', ghost: 'A', ops: 'R', it: 'I' } } as const
    expect(raciProblems(['r1'], units, cells)).toEqual([])
    expect(raciProblems([], units, {})).toEqual([])
  })

  it('counts the load per unit', () => {
    const cells = { r1: { sales: 'A', ops: 'R' }, r2: { sales: 'R', ops: 'R', it: 'C' } } as const
    expect(unitLoad(['r1', 'r2'], units, cells)).toEqual([
      { unitId: 'sales', R: 1, A: 1, C: 0, I: 0 },
      { unitId: 'ops', R: 2, A: 0, C: 0, I: 0 },
      { unitId: 'it', R: 0, A: 0, C: 1, I: 0 },
    ])
  })
})
