import { describe, expect, it } from 'vitest'
import { parseScores } from '../../../shared/domain/scores-csv.ts'

describe('score CSV import', () => {
  it('reads one score per line', () => {
    expect(parseScores('9\n10\n\n3\n', 'nps')).toEqual({ scores: [9, 10, 3], errors: [], column: null })
  })

  it('reads the score column of a table with a header, whatever the separator', () => {
    const csv = 'customer;score;comment\nA;9;ok\nB;4;"slow, very slow"\n'
    expect(parseScores(csv, 'nps')).toEqual({ scores: [9, 4], errors: [], column: 'score' })
    expect(parseScores('id,Punteggio\n1,7\n2,8', 'nps').scores).toEqual([7, 8])
  })

  it('reports every bad line with its number and the problem', () => {
    const result = parseScores('score\n9\nten\n11\n7.5\n-1\n\n8', 'nps')
    expect(result.scores).toEqual([9, 8])
    expect(result.errors).toEqual([
      { line: 3, text: 'ten', problem: 'not-a-number' },
      { line: 4, text: '11', problem: 'out-of-range' },
      { line: 5, text: '7.5', problem: 'not-an-integer' },
      { line: 6, text: '-1', problem: 'out-of-range' },
    ])
  })

  it('uses the CES range 1-7', () => {
    const result = parseScores('0\n1\n7\n8', 'ces')
    expect(result.scores).toEqual([1, 7])
    expect(result.errors.map((e) => e.line)).toEqual([1, 4])
  })

  it('accepts a byte-order mark, Windows line ends and decimal commas that are whole numbers', () => {
    expect(parseScores('\uFEFF9\r\n10,0\r\n', 'nps')).toEqual({ scores: [9, 10], errors: [], column: null })
  })

  it('reports an empty cell in the score column', () => {
    expect(parseScores('name,score\nA,\nB,9', 'nps').errors).toEqual([
      { line: 2, text: 'A,', problem: 'not-a-number' },
    ])
  })
})
