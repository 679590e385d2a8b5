import type { Language } from '../i18n-language.ts'

/**
 * Meeting 4's KPI set: checks a manager would otherwise find too late. Pure: no Yjs.
 */
export const DIRECTIONS = ['higher', 'lower'] as const
export type Direction = (typeof DIRECTIONS)[number]
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const
export type Frequency = (typeof FREQUENCIES)[number]

/**
 * A number as people type it in the workshop's language: "3,5", "3.5", "1.234,5", "-2", "12%";
 * in Italian "1.234" is a thousand two hundred and thirty-four (dots group thousands), in
 * English "1,234" is. A lone separator that does not group thousands is the decimal one, so
 * "4,5" and "4.5" read as 4.5 in both. Null when it is not a number (empty included).
 */
export function parseNumber(text: string, language: Language = 'it'): number | null {
  let s = text.trim().replace(/\s|%$/g, '')
  if (!s) return null
  const thousands = language === 'it' ? '.' : ','
  const grouped = new RegExp(`^[-+]?\\d{1,3}(\\${thousands}\\d{3})+$`)
  if (s.includes(',') && s.includes('.')) {
    // The last separator is the decimal one: 1.234,5 (Italian) or 1,234.5 (English).
    s = s.lastIndexOf(',') > s.lastIndexOf('.') ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '')
  } else if (grouped.test(s)) {
    s = s.split(thousands).join('')
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

export function kpiProblems(kpi: KpiInput, language: Language = 'it'): KpiProblem[] {
  const problems: KpiProblem[] = []
  const baseline = parseNumber(kpi.baseline, language)
  const target = parseNumber(kpi.target, language)
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
