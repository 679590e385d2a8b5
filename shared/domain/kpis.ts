/**
 * Meeting 4's KPI set: checks a manager would otherwise find too late. Pure: no Yjs.
 */
export const DIRECTIONS = ['higher', 'lower'] as const
export type Direction = (typeof DIRECTIONS)[number]
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

/**
 * A number as people type it in Italy or elsewhere: "3,5", "3.5", "1.234,5", "-2", "12%".
 * Null when it is not a number (empty included).
 */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/\s|%$/g, '')
  if (!s) return null
  if (s.includes(',') && s.includes('.')) {
    // The last separator is the decimal one: 1.234,5 (Italian) or 1,234.5 (English).
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  } else if (s.includes(',')) {
    s = s.replace(',', '.')
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null
  return Number(s)
}

export type KpiInput = {
  baseline: string
  target: string
  direction: Direction
  actionIds: readonly string[]
}

export type KpiProblem =
  | { problem: 'baseline-not-a-number' }
  | { problem: 'target-not-a-number' }
  /** A warning: the target does not improve on the baseline in the KPI's direction. */
  | { problem: 'target-not-an-improvement'; direction: Direction }
  | { problem: 'no-action' }

export function kpiProblems(kpi: KpiInput): KpiProblem[] {
  const problems: KpiProblem[] = []
  const baseline = parseNumber(kpi.baseline)
  const target = parseNumber(kpi.target)
  if (kpi.baseline.trim() && baseline === null) problems.push({ problem: 'baseline-not-a-number' })
  if (kpi.target.trim() && target === null) problems.push({ problem: 'target-not-a-number' })
  if (baseline !== null && target !== null) {
    const improves = kpi.direction === 'higher' ? target > baseline : target < baseline
    if (!improves) problems.push({ problem: 'target-not-an-improvement', direction: kpi.direction })
  }
  if (kpi.actionIds.length === 0) problems.push({ problem: 'no-action' })
  return problems
}

/** Quick wins no KPI measures: each needs at least one. */
export function quickWinsWithoutKpi(
  quickWinIds: readonly string[],
  kpis: readonly { actionIds: readonly string[] }[],
): string[] {
  const measured = new Set(kpis.flatMap((k) => k.actionIds))
  return quickWinIds.filter((id) => !measured.has(id))
}
