import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  type FollowedAction,
  type FollowedKpi,
  needsAttention,
} from '../../../shared/domain/follow-up/attention.ts'
import { mayUpdateAction, progressOf, sameName } from '../../../shared/domain/follow-up/progress.ts'
import { type KpiReading, kpiTrack } from '../../../shared/domain/follow-up/readings.ts'
import { parseReadings, readDate } from '../../../shared/domain/follow-up/readings-csv.ts'
import { changesSince, lastReview } from '../../../shared/domain/follow-up/review.ts'
import type { PipelineStatus } from '../../../shared/domain/pipeline.ts'
import { restoreDocument } from '../../../shared/history/restore.ts'
import {
  addKpiReadings,
  appendActionUpdate,
  MAX_READING_TEXT,
  readActionUpdates,
  readFollowUpSettings,
  readKpiReadings,
  setFollowUpSetting,
} from '../../../shared/schema/follow-up.ts'
import { metaMap } from '../../../shared/schema/meta.ts'

const reading = (date: string, value: string, id = date): KpiReading => ({
  id,
  kpiId: 'k1',
  date,
  value,
  source: '',
  note: '',
})
const waitingDays = { baseline: '12', target: '5', direction: 'lower', frequency: 'monthly' } as const

describe('a KPI against its baseline and target', () => {
  it('reads values as typed in Italian, oldest first, and says how far along it is', () => {
    const track = kpiTrack(waitingDays, [reading('2026-03-01', '9,5'), reading('2026-01-15', '11')])
    expect(track.points.map((p) => [p.date, p.value])).toEqual([
      ['2026-01-15', 11],
      ['2026-03-01', 9.5],
    ])
    expect(track.latest).toBe(9.5)
    expect(track.progress).toBeCloseTo(2.5 / 7)
    expect(track.state).toBe('on-track')
  })

  it('is reached at or past the target, in its direction', () => {
    expect(kpiTrack(waitingDays, [reading('2026-02-01', '5')]).state).toBe('reached')
    expect(kpiTrack(waitingDays, [reading('2026-02-01', '4')]).state).toBe('reached')
    const satisfaction = {
      baseline: '60',
      target: '75',
      direction: 'higher',
      frequency: 'quarterly',
    } as const
    expect(kpiTrack(satisfaction, [reading('2026-02-01', '80%')]).state).toBe('reached')
  })

  it('moves the wrong way when worse than the reading before or than the baseline', () => {
    expect(kpiTrack(waitingDays, [reading('2026-01-01', '8'), reading('2026-02-01', '10')]).state).toBe(
      'wrong-way',
    )
    expect(kpiTrack(waitingDays, [reading('2026-01-01', '13')]).state).toBe('wrong-way')
    expect(kpiTrack(waitingDays, [reading('2026-01-01', '12')]).state).toBe('off-track')
  })

  it('keeps unreadable readings aside, and cannot say a state without numbers to compare', () => {
    const track = kpiTrack(waitingDays, [reading('2026-02-30', '7'), reading('2026-02-01', 'circa sette')])
    expect(track.points).toEqual([])
    expect(track.unreadable).toHaveLength(2)
    expect(track.state).toBe('no-readings')
    expect(kpiTrack({ ...waitingDays, target: 'meno' }, [reading('2026-02-01', '7')]).state).toBe(
      'not-measurable',
    )
  })

  it('reads English thousands and decimals in an English workshop', () => {
    const track = kpiTrack(
      { ...waitingDays, baseline: '1,200', target: '800' },
      [reading('2026-01-01', '1,000.5')],
      'en',
    )
    expect(track.latest).toBe(1000.5)
    expect(track.state).toBe('on-track')
  })
})

describe('readings from a CSV', () => {
  it('takes a header, Italian dates and decimals, quoted notes, and reports every bad line by number', () => {
    const text = [
      'Data;Valore;Fonte;Nota',
      '31/01/2026;11,5;CRM;"gennaio; dopo il ""tracking"""',
      '2026-02-28;10',
      '',
      '30/02/2026;9',
      ';8',
      '31/03/2026;',
      '30/04/2026;circa 9',
    ].join('\r\n')
    const parsed = parseReadings(text)
    expect(parsed.header).toBe(true)
    expect(parsed.readings).toEqual([
      { date: '2026-01-31', value: '11,5', source: 'CRM', note: 'gennaio; dopo il "tracking"' },
      { date: '2026-02-28', value: '10', source: '', note: '' },
    ])
    expect(parsed.errors.map((e) => [e.line, e.problem])).toEqual([
      [5, 'bad-date'],
      [6, 'missing-date'],
      [7, 'missing-value'],
      [8, 'not-a-number'],
    ])
  })

  it('needs no header, and reads commas as separators when there is no semicolon', () => {
    expect(parseReadings('2026-01-31,42\n2026-02-28,41').readings.map((r) => r.value)).toEqual(['42', '41'])
    expect(readDate('1.2.2026')).toBe('2026-02-01')
    expect(readDate('2026-13-01')).toBeNull()
  })
})

describe('what needs attention at a follow-up review', () => {
  const actions: FollowedAction[] = [
    {
      id: 'late',
      title: 'SMS di conferma',
      status: 'in-progress',
      due: '2026-03-01',
      quickWin: false,
      kpiIds: [],
    },
    { id: 'quiet', title: 'Nuovo contratto', status: 'planned', due: null, quickWin: false, kpiIds: [] },
    { id: 'win', title: 'Auto pulita', status: 'done', due: '2026-02-01', quickWin: true, kpiIds: ['k1'] },
    { id: 'gone', title: 'Scartata', status: 'dropped', due: '2026-01-01', quickWin: false, kpiIds: [] },
  ]
  const kpis: FollowedKpi[] = [
    { id: 'k1', name: 'Giorni di attesa', ...waitingDays },
    { id: 'k2', name: 'Reclami', baseline: '30', target: '10', direction: 'lower', frequency: 'weekly' },
  ]
  const base = {
    today: '2026-03-15',
    since: '2026-01-10',
    staleWeeks: 3,
    actions,
    kpis,
    updates: [
      { actionId: 'late', date: '2026-03-10', status: 'in-progress', percent: 60, note: '' },
      { actionId: 'win', date: '2026-02-01', status: 'done', percent: 100, note: 'fatto' },
    ] as const,
  }

  it('lists late and quiet actions, overdue and wrong-way KPIs, and a quick win not measured since done', () => {
    const found = needsAttention({
      ...base,
      readings: [
        { ...reading('2026-01-20', '10'), kpiId: 'k1' },
        { ...reading('2026-03-01', '11'), kpiId: 'k1' },
      ],
    })
    expect(found).toEqual([
      { kind: 'late', actionId: 'late', daysLate: 14 },
      { kind: 'stale', actionId: 'quiet', daysSinceUpdate: null },
      { kind: 'kpi-wrong-way', kpiId: 'k1' },
      { kind: 'kpi-overdue', kpiId: 'k2', daysSinceReading: null },
    ])
  })

  it('a quick win measured since it was done, and KPIs read in time, need nothing', () => {
    const found = needsAttention({
      ...base,
      readings: [
        { ...reading('2026-01-20', '10'), kpiId: 'k1' },
        { ...reading('2026-02-20', '8'), kpiId: 'k1' },
        { ...reading('2026-03-12', '25'), kpiId: 'k2' },
      ],
    })
    expect(found.map((f) => f.kind)).toEqual(['late', 'stale'])
    const unmeasured = needsAttention({
      ...base,
      readings: [{ ...reading('2026-01-20', '10'), kpiId: 'k1' }],
    })
    expect(unmeasured).toContainEqual({ kind: 'quick-win-unmeasured', actionId: 'win', doneOn: '2026-02-01' })
  })
})

describe('where an action stands after meeting 4', () => {
  const update = (date: string, at: number, status: PipelineStatus, percent: number) => ({
    entryId: 'e1',
    date,
    at,
    status,
    percent,
  })
  it('the latest update by its day wins, then the later stored one; before any, meeting 4 says', () => {
    expect(progressOf({ id: 'e1', status: 'planned' }, [])).toMatchObject({
      status: 'planned',
      percent: 0,
      latest: null,
    })
    expect(progressOf({ id: 'e1', status: 'done' }, []).percent).toBe(100)
    const updates = [
      update('2026-11-10', 5, 'in-progress', 20),
      update('2026-11-20', 1, 'in-progress', 60),
      update('2026-11-20', 2, 'done', 100),
      // Entered late about an earlier day: history, not the current state.
      update('2026-11-01', 9, 'planned', 0),
      { ...update('2026-12-01', 9, 'dropped', 0), entryId: 'other' },
    ]
    const progress = progressOf({ id: 'e1', status: 'planned' }, updates)
    expect(progress).toMatchObject({ status: 'done', percent: 100 })
    expect(progress.history.map((u) => u.date)).toEqual([
      '2026-11-20',
      '2026-11-20',
      '2026-11-10',
      '2026-11-01',
    ])
  })

  it('the owner is matched by name, case, accents and spacing aside; an empty owner is no one', () => {
    expect(sameName('Giulia  Bianchi', ' giulia bianchi')).toBe(true)
    expect(sameName('Niccolò', 'NICCOLO')).toBe(true)
    expect(sameName('Giulia', 'Giulio')).toBe(false)
    expect(sameName('', '')).toBe(false)
    const may = (
      role: 'facilitator' | 'participant' | 'viewer',
      owner: string,
      name: string | null,
      anyone = false,
    ) => mayUpdateAction({ role, owner, name, anyoneUpdates: anyone })
    expect(may('participant', 'Giulia Bianchi', 'giulia bianchi')).toBe(true)
    expect(may('participant', 'Giulia Bianchi', 'Marco')).toBe(false)
    expect(may('participant', 'Giulia Bianchi', 'Marco', true)).toBe(true)
    expect(may('participant', '', null, true)).toBe(false)
    expect(may('viewer', 'Giulia Bianchi', 'Giulia Bianchi', true)).toBe(false)
    expect(may('facilitator', '', null)).toBe(true)
  })
})

describe('KPI readings and follow-up settings in the document', () => {
  it('readings keep the value as typed, bounded; settings out of range read as the defaults', () => {
    const doc = new Y.Doc()
    addKpiReadings(doc, 'k1', [
      { date: '2026-11-01', value: ' 4,5 ', source: 'x'.repeat(500), note: 'ok' },
      { date: '2026-11-08', value: '4', source: 'CRM', note: '' },
    ])
    const readings = readKpiReadings(doc)
    expect(readings.map((r) => [r.date, r.value])).toEqual([
      ['2026-11-01', '4,5'],
      ['2026-11-08', '4'],
    ])
    expect(readings[0]!.source).toHaveLength(MAX_READING_TEXT)
    expect(readFollowUpSettings(doc)).toEqual({ anyoneUpdates: false, staleWeeks: 2, since: null })
    metaMap(doc).set('followUpStaleWeeks', 40)
    metaMap(doc).set('followUpSince', '2026-02-30')
    metaMap(doc).set('followUpAnyone', 'yes')
    expect(readFollowUpSettings(doc)).toEqual({ anyoneUpdates: false, staleWeeks: 2, since: null })
    setFollowUpSetting(doc, 'staleWeeks', 3)
    setFollowUpSetting(doc, 'since', '2026-10-01')
    setFollowUpSetting(doc, 'anyoneUpdates', true)
    expect(readFollowUpSettings(doc)).toEqual({ anyoneUpdates: true, staleWeeks: 3, since: '2026-10-01' })
  })
})

describe('a restored version and the follow-up', () => {
  it("brings the readings back to the version's, and keeps every action update made since", () => {
    const board = new Y.Doc()
    const update = (date: string) =>
      appendActionUpdate(board, {
        entryId: 'e1',
        date,
        at: 1,
        by: 'Giulia',
        status: 'in-progress',
        percent: 10,
        note: '',
      })
    update('2026-10-01')
    addKpiReadings(board, 'k1', [{ date: '2026-10-01', value: '4', source: '', note: '' }])
    const version = new Y.Doc()
    Y.applyUpdate(version, Y.encodeStateAsUpdate(board))
    update('2026-11-01')
    addKpiReadings(board, 'k1', [{ date: '2026-11-01', value: '3', source: '', note: '' }])
    board.transact(() => restoreDocument(board, version))
    expect(readKpiReadings(board).map((r) => r.value)).toEqual(['4'])
    expect(readActionUpdates(board).map((u) => u.date)).toEqual(['2026-10-01', '2026-11-01'])
  })
})

describe('what changed since the last review', () => {
  const kpi = { id: 'k1', baseline: '12', target: '5', direction: 'lower', frequency: 'monthly' } as const
  const update = (at: number, status: PipelineStatus, date = '2026-10-10') => ({
    id: `u${at}`,
    entryId: 'e1',
    date,
    at,
    status,
    percent: 10,
  })
  it('statuses, KPI states, updates stored after the mark and readings dated after its day', () => {
    const mark = { id: 'r1', date: '2026-10-15', at: 100 }
    expect(lastReview([{ id: 'r0', date: '2026-09-01', at: 50 }, mark])).toBe(mark)
    const changes = changesSince({
      since: mark,
      entries: [
        { id: 'e1', status: 'planned' },
        { id: 'e2', status: 'planned' },
      ],
      updates: [update(90, 'in-progress'), update(150, 'done', '2026-10-20')],
      kpis: [kpi],
      readings: [reading('2026-10-15', '11'), reading('2026-10-30', '13')],
    })
    expect(changes.statuses).toEqual([{ entryId: 'e1', from: 'in-progress', to: 'done' }])
    expect(changes.updates.map((u) => u.id)).toEqual(['u150'])
    expect(changes.readings.map((r) => r.date)).toEqual(['2026-10-30'])
    expect(changes.kpis).toEqual([{ kpiId: 'k1', from: 'on-track', to: 'wrong-way' }])
  })
  it('with no review yet, everything counts from the start', () => {
    const changes = changesSince({
      since: null,
      entries: [{ id: 'e1', status: 'planned' }],
      updates: [update(90, 'in-progress')],
      kpis: [kpi],
      readings: [reading('2026-10-15', '11')],
    })
    expect(changes.statuses).toEqual([{ entryId: 'e1', from: 'planned', to: 'in-progress' }])
    expect(changes.kpis).toEqual([{ kpiId: 'k1', from: 'no-readings', to: 'on-track' }])
    expect(changes.readings).toHaveLength(1)
  })
})
