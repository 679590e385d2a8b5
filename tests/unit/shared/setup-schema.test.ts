import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseRoomName, roomName } from '../../../shared/rooms.ts'
import { readControl, setFacilitatorStep } from '../../../shared/schema/control.ts'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import { readMeta, SCHEMA_VERSION } from '../../../shared/schema/meta.ts'
import { migrateDocument } from '../../../shared/schema/migrations.ts'
import { moveRecord, recordsOf, recordText, removeRecord } from '../../../shared/schema/records.ts'
import {
  addNamed,
  addParticipant,
  readNamedList,
  readParticipants,
  removeUnit,
} from '../../../shared/schema/setup.ts'

function newWorkshop(demo = false) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initialWorkshopUpdates({ title: 'T', organisation: 'O', language: 'it', demo }).content)
  return doc
}

describe('the workshop document', () => {
  it('is seeded with its meta and schema version', () => {
    const meta = readMeta(newWorkshop())
    expect(meta).toEqual({
      schemaVersion: SCHEMA_VERSION,
      title: 'T',
      organisation: 'O',
      focus: '',
      language: 'it',
      kind: 'improvement',
    })
  })

  it('is seeded with the demo journey, units, segments and participants', () => {
    const doc = newWorkshop(true)
    expect(readNamedList(doc, 'stages').map((s) => s.name)).toContain('Consegna')
    expect(readNamedList(doc, 'units')).toHaveLength(6)
    const participants = readParticipants(doc)
    expect(participants).toHaveLength(5)
    expect(participants.every((p) => p.unitId !== null)).toBe(true)
  })

  it('adds, renames (Y.Text), moves and removes list items', () => {
    const doc = newWorkshop()
    const a = addNamed(doc, 'stages', 'Search')
    const b = addNamed(doc, 'stages', 'Order')
    addNamed(doc, 'stages', 'Delivery')
    recordText(doc, 'stages', b, 'name')!.insert(0, 'Online ')
    moveRecord(doc, 'stages', a, 2)
    expect(readNamedList(doc, 'stages').map((s) => s.name)).toEqual(['Online Order', 'Delivery', 'Search'])
    removeRecord(doc, 'stages', b)
    expect(readNamedList(doc, 'stages').map((s) => s.name)).toEqual(['Delivery', 'Search'])
  })

  it('removing a unit clears it from its participants', () => {
    const doc = newWorkshop()
    const unit = addNamed(doc, 'units', 'Sales')
    addParticipant(doc, 'Anna', unit)
    removeUnit(doc, unit)
    expect(readNamedList(doc, 'units')).toEqual([])
    expect(readParticipants(doc)[0]?.unitId).toBeNull()
  })

  it('skips malformed records instead of failing', () => {
    const doc = newWorkshop()
    addNamed(doc, 'stages', 'Good')
    recordsOf(doc, 'stages').set('broken', 'not a map' as unknown as Y.Map<unknown>)
    recordsOf(doc, 'stages').set('no-index', new Y.Map())
    expect(readNamedList(doc, 'stages').map((s) => s.name)).toEqual(['Good'])
  })

  it('migrations bring an old document to the current version, and leave a current one alone', () => {
    const doc = newWorkshop()
    expect(migrateDocument(doc)).toBe(false)
    doc.getMap('meta').set('schemaVersion', 0)
    expect(migrateDocument(doc)).toBe(true)
    expect(readMeta(doc).schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('keeps the facilitator step in the control document', () => {
    const control = new Y.Doc()
    Y.applyUpdate(
      control,
      initialWorkshopUpdates({ title: 'T', organisation: '', language: 'en', demo: false }).control,
    )
    expect(readControl(control).step).toBe('setup')
    setFacilitatorStep(control, 'meeting2')
    expect(readControl(control).step).toBe('meeting2')
  })
})

describe('room names', () => {
  it('round-trip and reject anything else', () => {
    expect(parseRoomName(roomName('abcd1234', 'content'))).toEqual({
      workshopId: 'abcd1234',
      kind: 'content',
    })
    expect(parseRoomName(roomName('abcd1234', 'control'))).toEqual({
      workshopId: 'abcd1234',
      kind: 'control',
    })
    for (const bad of ['', 'a', 'abcd1234/other', 'abcd1234/control/x', '../etc', 'ab cd']) {
      expect(parseRoomName(bad)).toBeUndefined()
    }
  })
})

describe('the demo workshop', () => {
  it('carries a meeting 1 example whose in-scope items are all addressed by an intervention', async () => {
    const { readPains } = await import('../../../shared/schema/journey.ts')
    const { readInterventions } = await import('../../../shared/schema/interventions.ts')
    const { derivePerimeter } = await import('../../../shared/domain/perimeter.ts')
    const doc = newWorkshop(true)
    const perimeter = derivePerimeter(
      readNamedList(doc, 'stages').map((s) => s.id),
      readNamedList(doc, 'segments').map((s) => s.id),
      readPains(doc),
      readInterventions(doc),
    )
    expect(perimeter.pains).toHaveLength(3)
    expect(perimeter.enhancements).toHaveLength(1)
    expect(perimeter.unaddressed).toEqual([])
    expect(perimeter.outOfScope).toBe(1)
  })
})
