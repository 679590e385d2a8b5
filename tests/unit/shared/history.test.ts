import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { countChanges, countRecords } from '../../../shared/history/counts.ts'
import { RESTORED_ROOTS, restoreDocument } from '../../../shared/history/restore.ts'
import { versionsToForget } from '../../../shared/history/retention.ts'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import { addPain, readPains, removePain } from '../../../shared/schema/journey.ts'
import { metaText } from '../../../shared/schema/meta.ts'
import { getRecord } from '../../../shared/schema/records.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { sync } from '../../support/ydocs.ts'

function demoDoc(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(
    doc,
    initialWorkshopUpdates({ title: 'Consegne', organisation: 'AutoLungo', language: 'en', demo: true })
      .content,
  )
  return doc
}

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

const rootsOf = (doc: Y.Doc) =>
  Object.fromEntries(RESTORED_ROOTS.map((name) => [name, doc.getMap(name).toJSON()]))

describe('restoring a version as a forward change', () => {
  it('brings back added, removed and edited records, texts and plain fields', () => {
    const live = demoDoc()
    const firstStage = readNamedList(live, 'stages')[0]!.id
    const keptPain = addPain(live, firstStage, 'Waiting on the phone')
    const removedLater = addPain(live, firstStage, 'No tracking link')
    const version = copyOf(live)

    addPain(live, firstStage, 'Added after the version')
    removePain(live, removedLater)
    const text = getRecord(live, 'pains', keptPain)!.get('text') as Y.Text
    text.insert(0, 'Long ')
    getRecord(live, 'pains', keptPain)!.set('stageId', readNamedList(live, 'stages')[1]!.id)
    metaText(live, 'title').insert(0, 'Renamed ')
    live.getMap('materiality').set('threshold', 4)

    live.transact(() => restoreDocument(live, version))
    expect(rootsOf(live)).toEqual(rootsOf(version))
    expect(readPains(live).map((p) => p.text)).toContain('No tracking link')
  })

  it('keeps the identity of records that did not change, so offline edits to them survive', () => {
    const live = demoDoc()
    const stage = readNamedList(live, 'stages')[0]!.id
    const pain = addPain(live, stage, 'Invoice unclear')
    const version = copyOf(live)
    const record = getRecord(live, 'pains', pain)
    addPain(live, stage, 'Added after the version')

    live.transact(() => restoreDocument(live, version))
    expect(getRecord(live, 'pains', pain)).toBe(record)
  })

  it('converges with a peer that was offline during the restore, whatever it did meanwhile', () => {
    const server = demoDoc()
    const stage = readNamedList(server, 'stages')[0]!.id
    const pain = addPain(server, stage, 'Invoice unclear')
    const version = copyOf(server)
    addPain(server, stage, 'Later card')
    const offline = copyOf(server)

    ;(getRecord(offline, 'pains', pain)!.get('text') as Y.Text).insert(0, 'Very ')
    addPain(offline, stage, 'Written while offline')
    server.transact(() => restoreDocument(server, version))
    sync(server, offline)

    expect(rootsOf(offline)).toEqual(rootsOf(server))
    const texts = readPains(server).map((p) => p.text)
    expect(texts).toContain('Very Invoice unclear')
    expect(texts).toContain('Written while offline')
    expect(texts).not.toContain('Later card')
  })

  it('writes nothing when the document already holds the version', () => {
    const live = demoDoc()
    const version = copyOf(live)
    const before = Y.encodeStateVector(live)
    live.transact(() => restoreDocument(live, version))
    expect(Y.encodeStateVector(live)).toEqual(before)
  })

  it('replaces a value whose type changed (a Y.Text where a string was)', () => {
    const live = demoDoc()
    const version = copyOf(live)
    live.getMap('meta').set('title', 'a plain string now')
    live.transact(() => restoreDocument(live, version))
    expect(live.getMap('meta').get('title')).toBeInstanceOf(Y.Text)
    expect(rootsOf(live)).toEqual(rootsOf(version))
  })
})

describe('counting what a version holds', () => {
  it('counts records per collection and names the changes', () => {
    const doc = demoDoc()
    const before = countRecords(doc)
    const stage = readNamedList(doc, 'stages')[0]!.id
    addPain(doc, stage, 'One')
    addPain(doc, stage, 'Two')
    removePain(doc, readPains(doc)[0]!.id)
    const after = countRecords(doc)
    expect(after.pains).toBe((before.pains ?? 0) + 1)
    expect(countChanges(before, after)).toEqual({ pains: 1 })
    expect(countChanges(after, after)).toEqual({})
  })
})

describe('retention', () => {
  const day = 24 * 60 * 60 * 1000
  const now = Date.UTC(2026, 11, 1, 12)

  it('keeps every recent version and the last of each older day', () => {
    const versions = [
      { id: 'recent-a', createdAt: now - 2 * day },
      { id: 'recent-b', createdAt: now - 2 * day + 1000 },
      { id: 'old-morning', createdAt: Date.UTC(2026, 9, 1, 9) },
      { id: 'old-evening', createdAt: Date.UTC(2026, 9, 1, 18) },
      { id: 'older-only', createdAt: Date.UTC(2026, 8, 15, 10) },
    ]
    expect(versionsToForget(versions, now, 30)).toEqual(['old-morning'])
  })

  it('forgets nothing when every version is recent', () => {
    const versions = [0, 1, 2].map((i) => ({ id: String(i), createdAt: now - i * 60_000 }))
    expect(versionsToForget(versions, now, 30)).toEqual([])
  })
})
