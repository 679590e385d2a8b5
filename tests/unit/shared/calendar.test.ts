import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { pipelineCalendar } from '../../../shared/exports/calendar.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'

/** The filled workshop, its pipeline dated as a group would: both dates, only a due date, none. */
function exported(language: 'it' | 'en' = 'it') {
  const { content, control } = fullWorkshop(language)
  const data = exportWorkshop(content, control)
  const dates: [string | null, string | null][] = [
    ['2026-03-02', '2026-03-31'],
    [null, '2026-04-15'],
    ['2026-05-04', null],
    [null, null],
  ]
  data.pipeline.forEach((entry, i) => {
    ;[entry.start, entry.due] = dates[i % dates.length]!
  })
  return data
}

/** The events of a calendar as a maintained iCalendar parser reads them. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component)
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        allDay: event.startDate.isDate,
        status: component.getFirstPropertyValue('status'),
      }
    }),
  }
}

describe('the pipeline as a calendar', () => {
  const data = exported()
  const now = new Date('2026-12-01T10:00:00Z')
  const ics = pipelineCalendar(data, { workshopId: 'w1', now })

  it('has one all-day event per dated action, from its start to its due date', () => {
    const dated = data.pipeline.filter((e) => e.start || e.due)
    expect(dated.length).toBeGreaterThanOrEqual(2)
    const { events: found } = events(ics)
    expect(found).toHaveLength(dated.length)
    for (const entry of dated) {
      const event = found.find((e) => e.uid === `${entry.id}.w1@tavolo`)!
      const action = data.actions.find((a) => a.id === entry.actionId)!
      expect(event.summary).toBe(action.title)
      expect(event.allDay).toBe(true)
      expect(event.start).toBe(entry.start ?? entry.due)
      // The end of an all-day event is the day after its last day.
      const last = new Date(`${entry.due ?? entry.start}T00:00:00Z`)
      last.setUTCDate(last.getUTCDate() + 1)
      expect(event.end).toBe(last.toISOString().slice(0, 10))
      expect(event.description).toContain(`Responsabile: ${entry.owner || '-'}`)
      expect(event.description).toMatch(/Stato: (pianificata|in corso|completata|abbandonata)/)
    }
  })

  it('keeps each event its UID from one export to the next, so a calendar updates instead of duplicating', () => {
    const later = pipelineCalendar(data, { workshopId: 'w1', now: new Date('2027-01-15T08:00:00Z') })
    expect(events(later).events.map((e) => e.uid)).toEqual(events(ics).events.map((e) => e.uid))
    expect(later).not.toBe(ics)
  })

  it('escapes what iCalendar reserves, folds long lines at 75 octets, ends lines with CRLF', () => {
    const tricky = structuredClone(data)
    const entry = tricky.pipeline.find((e) => e.start || e.due)!
    const action = tricky.actions.find((a) => a.id === entry.actionId)!
    action.title = 'Tracking; consegna, via SMS \\ "prima"'
    action.description = `${'Perché è così: '.repeat(12)}\nseconda riga`
    const text = pipelineCalendar(tricky, { workshopId: 'w1', now })
    const event = events(text).events.find((e) => e.uid === `${entry.id}.w1@tavolo`)!
    expect(event.summary).toBe(action.title)
    expect(event.description).toContain(action.description)
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(text.replace(/\r\n/g, '')).not.toContain('\n')
  })

  it('gives one owner their own actions, whatever the case they type it in', () => {
    const owner = data.pipeline.find((e) => e.owner && (e.start || e.due))!.owner
    const mine = events(pipelineCalendar(data, { workshopId: 'w1', owner: ` ${owner.toUpperCase()} `, now }))
    const expected = data.pipeline.filter((e) => e.owner === owner && (e.start || e.due))
    expect(mine.events).toHaveLength(expected.length)
    expect(mine.name).toContain(owner.toUpperCase())
    expect(events(pipelineCalendar(data, { workshopId: 'w1', owner: 'Nessuno', now })).events).toEqual([])
  })

  it('speaks the workshop language', () => {
    const english = events(pipelineCalendar(exported('en'), { workshopId: 'w1', now }))
    expect(english.events[0]!.description).toMatch(/^Owner: /)
  })
})
