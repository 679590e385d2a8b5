/**
 * The light RACI of meeting 2: who is Responsible, Accountable, Consulted or Informed for each
 * priority area (and its sub-actions), one column per organisational unit. Pure: no Yjs.
 */
export const RACI_LETTERS = ['R', 'A', 'C', 'I'] as const
export type RaciLetter = (typeof RACI_LETTERS)[number]

export function isRaciLetter(value: unknown): value is RaciLetter {
  return typeof value === 'string' && (RACI_LETTERS as readonly string[]).includes(value)
}

/** rowId → unitId → letter; an absent cell is empty. */
export type RaciCells = Readonly<Record<string, Readonly<Record<string, RaciLetter>>>>

export type RaciProblem =
  | { problem: 'no-accountable'; rowId: string }
  | { problem: 'several-accountable'; rowId: string; unitIds: string[] }
  | { problem: 'no-responsible'; rowId: string }
  | { problem: 'unit-unused'; unitId: string }

const unitsWith = (cells: RaciCells, rowId: string, unitIds: readonly string[], letter: RaciLetter) =>
  unitIds.filter((unitId) => cells[rowId]?.[unitId] === letter)

/**
 * What the method's rules say is wrong: every row has exactly one A and at least one R; a unit
 * with no letter in any row takes no part (flagged so the group decides whether that is right).
 * Cells of units or rows not listed are ignored (a removed unit leaves no ghost problems).
 */
export function raciProblems(
  rowIds: readonly string[],
  unitIds: readonly string[],
  cells: RaciCells,
): RaciProblem[] {
  const problems: RaciProblem[] = []
  for (const rowId of rowIds) {
    const accountable = unitsWith(cells, rowId, unitIds, 'A')
    if (accountable.length === 0) problems.push({ problem: 'no-accountable', rowId })
    if (accountable.length > 1) problems.push({ problem: 'several-accountable', rowId, unitIds: accountable })
    if (unitsWith(cells, rowId, unitIds, 'R').length === 0)
      problems.push({ problem: 'no-responsible', rowId })
  }
  if (rowIds.length === 0) return problems
  for (const unitId of unitIds) {
    if (!rowIds.some((rowId) => cells[rowId]?.[unitId])) problems.push({ problem: 'unit-unused', unitId })
  }
  return problems
}

export type UnitLoad = { unitId: string } & Record<RaciLetter, number>

/** How many rows each unit is R, A, C and I for: who carries the load. */
export function unitLoad(
  rowIds: readonly string[],
  unitIds: readonly string[],
  cells: RaciCells,
): UnitLoad[] {
  return unitIds.map((unitId) => {
    const load: UnitLoad = { unitId, R: 0, A: 0, C: 0, I: 0 }
    for (const rowId of rowIds) {
      const letter = cells[rowId]?.[unitId]
      if (letter) load[letter] += 1
    }
    return load
  })
}
