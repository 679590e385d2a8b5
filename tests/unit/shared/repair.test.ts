import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { initialWorkshopUpdates } from '../../../shared/schema/init.ts'
import { metaMap, readMeta, SCHEMA_VERSION } from '../../../shared/schema/meta.ts'
import { repairDocument } from '../../../shared/schema/repair.ts'

const fallback = { title: 'Consegne', organisation: 'AutoLungo', language: 'en' as const }

function seeded() {
  const doc = new Y.Doc()
  Y.applyUpdate(
    doc,
    initialWorkshopUpdates({ title: 'Consegne', organisation: 'AutoLungo', language: 'en', demo: true })
      .content,
  )
  return doc
}

describe('repairing a content document a bad write broke', () => {
  it('leaves a sound document alone', () => {
    const doc = seeded()
    const before = Y.encodeStateVector(doc)
    expect(repairDocument(doc, fallback)).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('puts back the detail texts, language, kind and version, and drops entries that are not records', () => {
    const doc = seeded()
    const meta = metaMap(doc)
    meta.delete('title')
    meta.set('organisation', 'typed as a plain string')
    meta.set('focus', new Y.Map())
    meta.set('language', 'xx')
    meta.set('kind', 5)
    meta.set('schemaVersion', 'two')
    doc.getMap('pains').set('junk', 'not a record')
    const stages = doc.getMap('stages').size
    doc.getMap('stages').set('junk', 12)

    expect(repairDocument(doc, fallback)).toBe(true)
    expect(meta.get('title')).toBeInstanceOf(Y.Text)
    expect(meta.get('focus')).toBeInstanceOf(Y.Text)
    expect(readMeta(doc)).toMatchObject({
      title: 'Consegne',
      organisation: 'typed as a plain string',
      focus: '',
      language: 'en',
      kind: 'improvement',
      schemaVersion: SCHEMA_VERSION,
    })
    expect(doc.getMap('pains').has('junk')).toBe(false)
    expect(doc.getMap('stages').size).toBe(stages)
    expect(repairDocument(doc, fallback)).toBe(false)
  })
})
