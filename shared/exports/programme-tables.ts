/**
 * The programme's consolidated workbook: groups, one pipeline, one KPI table and the units'
 * load across all groups, in the programme's language. Pure.
 */
import type { Language } from '../i18n-language.ts'
import { exportLabels } from './labels.ts'
import type { ProgrammeDashboard } from './programme.ts'
import type { Table } from './tables.ts'

const WORDS = {
  it: {
    groups: 'Gruppi',
    pipeline: 'Pipeline',
    kpis: 'KPI',
    units: 'Carico delle unità',
    group: 'Gruppo',
    focus: 'Focus',
    step: 'Fase',
    actions: 'Azioni',
    quickWins: 'Quick win fatte',
    kpisOnTrack: 'KPI in linea',
    kpisOffTrack: 'KPI fuori linea',
    breaks: 'Interruzioni della catena',
    attention: 'Da seguire',
    percent: '% fatto',
    latest: 'Ultima misura',
    latestDate: 'Data ultima misura',
    state: 'Andamento',
    responsible: 'R (responsabile)',
    accountable: 'A (approva)',
    inGroups: 'Gruppi',
    states: {
      reached: 'obiettivo raggiunto',
      'on-track': 'in linea',
      'off-track': 'non ancora meglio della baseline',
      'wrong-way': 'direzione sbagliata',
      'no-readings': 'nessuna misura',
      'not-measurable': 'non misurabile',
    },
  },
  en: {
    groups: 'Groups',
    pipeline: 'Pipeline',
    kpis: 'KPIs',
    units: 'Unit load',
    group: 'Group',
    focus: 'Focus',
    step: 'Step',
    actions: 'Actions',
    quickWins: 'Quick wins done',
    kpisOnTrack: 'KPIs on track',
    kpisOffTrack: 'KPIs off track',
    breaks: 'Coverage breaks',
    attention: 'Needs attention',
    percent: '% done',
    latest: 'Latest reading',
    latestDate: 'Latest reading date',
    state: 'Trend',
    responsible: 'R (responsible)',
    accountable: 'A (accountable)',
    inGroups: 'Groups',
    states: {
      reached: 'target reached',
      'on-track': 'on track',
      'off-track': 'not better than the baseline yet',
      'wrong-way': 'wrong way',
      'no-readings': 'no readings',
      'not-measurable': 'not measurable',
    },
  },
} as const

export function programmeTables(dashboard: ProgrammeDashboard, language: Language): Table[] {
  const w = WORDS[language]
  const l = exportLabels(language)
  const h = l.headers
  const v = l.values as Record<string, string>
  const day = (iso: string | null) => (iso ? { date: iso } : null)
  return [
    {
      name: w.groups,
      headers: [
        w.group,
        w.focus,
        w.step,
        w.actions,
        ...['planned', 'in-progress', 'done', 'dropped'].map((s) => v[s]!),
        w.quickWins,
        w.kpisOnTrack,
        w.kpisOffTrack,
        w.breaks,
        w.attention,
      ],
      rows: dashboard.groups.map((g) => [
        g.title,
        g.focus,
        g.step,
        Object.values(g.actions).reduce((a, b) => a + b, 0),
        g.actions.planned,
        g.actions['in-progress'],
        g.actions.done,
        g.actions.dropped,
        `${g.quickWins.done}/${g.quickWins.total}`,
        g.kpis.onTrack,
        g.kpis.offTrack,
        g.coverageBreaks,
        g.needsAttention,
      ]),
    },
    {
      name: w.pipeline,
      headers: [w.group, h.action, h.owner, h.unit, h.wave, h.start, h.due, h.status, w.percent],
      rows: dashboard.actions.map((a) => [
        a.group,
        a.action,
        a.owner,
        a.unit,
        a.wave,
        day(a.start),
        day(a.due),
        v[a.status] ?? a.status,
        a.percent,
      ]),
    },
    {
      name: w.kpis,
      headers: [w.group, h.name, h.measureUnit, h.baseline, h.target, w.latest, w.latestDate, w.state],
      rows: dashboard.kpis.map((k) => [
        k.group,
        k.name,
        k.measureUnit,
        k.baseline,
        k.target,
        k.latest,
        day(k.latestDate),
        w.states[k.state],
      ]),
    },
    {
      name: w.units,
      headers: [h.unit, w.responsible, w.accountable, w.inGroups],
      rows: dashboard.units.map((u) => [u.unit, u.responsible, u.accountable, u.groups]),
    },
  ]
}
