import * as Y from 'yjs'
import { localAction } from './origin.ts'
import { addRecord, getRecord, readRecords, readText } from './records.ts'

/** The customer golden rules of meeting 4, each linked to the actions it follows from. */
export type GoldenRule = { id: string; index: string; text: string; approved: boolean; actionIds: string[] }

export function readGoldenRules(doc: Y.Doc): GoldenRule[] {
  return readRecords(doc, 'goldenRules', (id, record) => {
    const links = record.get('actionIds')
    return {
      id,
      index: record.get('index') as string,
      text: readText(record, 'text'),
      approved: record.get('approved') === true,
      actionIds: links instanceof Y.Map ? [...links.keys()].sort() : [],
    }
  })
}

export function addGoldenRule(doc: Y.Doc, text: string): string {
  return addRecord(doc, 'goldenRules', {
    texts: { text },
    values: { approved: false, actionIds: new Y.Map<boolean>() },
  })
}

export function setRuleApproved(doc: Y.Doc, id: string, approved: boolean): void {
  localAction(doc, () => getRecord(doc, 'goldenRules', id)?.set('approved', approved))
}

export function linkRuleAction(doc: Y.Doc, id: string, actionId: string, linked: boolean): void {
  localAction(doc, () => {
    const links = getRecord(doc, 'goldenRules', id)?.get('actionIds')
    if (!(links instanceof Y.Map)) return
    if (linked) links.set(actionId, true)
    else links.delete(actionId)
  })
}
