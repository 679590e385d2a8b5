import type { ReactNode } from 'react'
import { cardsOnStage, removeStage } from '../../../../shared/schema/journey.ts'
import { metaMap, readMeta } from '../../../../shared/schema/meta.ts'
import { moveRecord, recordsOf, recordText, removeRecord } from '../../../../shared/schema/records.ts'
import {
  addNamed,
  type NamedItem,
  readNamedList,
  removeSegment,
  removeUnit,
  type SetupList,
} from '../../../../shared/schema/setup.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { setEditing } from '../../collab/presence.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { SortableList } from '../../components/SortableList.tsx'
import { useTranslation } from '../../i18n/translation.tsx'

type Props = {
  list: Exclude<SetupList, 'participants'>
  /** Extra controls shown on each row (e.g. a unit's member count). */
  extra?: (item: NamedItem) => ReactNode
}

/** Add, rename (collaborative text), reorder (drag or keyboard) and remove the items of one Setup list. */
export function NamedListEditor({ list, extra }: Props) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const items = useYValue(recordsOf(doc, list), () => readNamedList(doc, list))
  const readOnly = session.readOnly
  const kind = t(`setup.${list}.item`)
  const workshopKind = useYValue(metaMap(doc), () => readMeta(doc).kind)
  // A vision workshop uses these lists differently (no journey map, no RACI).
  const hint = t(workshopKind === 'vision' ? `setup.${list}.hintVision` : `setup.${list}.hint`)

  const remove = (id: string, name: string) => {
    if (list === 'units') return removeUnit(doc, id)
    if (list === 'segments') return removeSegment(doc, id)
    if (list !== 'stages') return removeRecord(doc, list, id)
    const cards = cardsOnStage(doc, id)
    if (cards === 0 || window.confirm(t('setup.stages.confirmRemove', { name, count: cards })))
      removeStage(doc, id)
  }
  const rowButton =
    'rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-30 disabled:hover:bg-transparent'

  return (
    <section aria-labelledby={`${list}-heading`} className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id={`${list}-heading`} className="mb-1 text-lg font-semibold">
        {t(`setup.${list}.heading`)}
      </h3>
      <p className="mb-3 text-sm text-slate-600">{hint}</p>
      {items.length === 0 && <p className="mb-2 text-sm text-slate-500 italic">{t(`setup.${list}.empty`)}</p>}
      <SortableList
        items={items}
        disabled={readOnly}
        itemKind={kind}
        onMove={(id, position) => moveRecord(doc, list, id, position)}
        renderItem={(item, handle) => {
          const position = items.findIndex((i) => i.id === item.id)
          return (
            <div className="flex items-center gap-1" data-testid={`${list}-row`}>
              {handle}
              <span className="w-6 text-right text-sm text-slate-500">{position + 1}.</span>
              <CollabText
                text={recordText(doc, list, item.id, 'name')}
                label={t('setup.nameOf', { kind, position: position + 1 })}
                readOnly={readOnly}
                onFocus={() => setEditing(session, `${list}:${item.id}`)}
                onBlur={() => setEditing(session, null)}
              />
              {extra?.(item)}
              <button
                type="button"
                className={rowButton}
                disabled={readOnly || position === 0}
                onClick={() => moveRecord(doc, list, item.id, position - 1)}
                aria-label={t('setup.moveUp', { name: item.name })}
              >
                ↑
              </button>
              <button
                type="button"
                className={rowButton}
                disabled={readOnly || position === items.length - 1}
                onClick={() => moveRecord(doc, list, item.id, position + 1)}
                aria-label={t('setup.moveDown', { name: item.name })}
              >
                ↓
              </button>
              <button
                type="button"
                className={rowButton}
                disabled={readOnly}
                onClick={() => remove(item.id, item.name)}
                aria-label={t('setup.remove', { name: item.name })}
              >
                ✕
              </button>
            </div>
          )
        }}
      />
      {!readOnly && (
        <AddItemForm label={t(`setup.${list}.new`)} onAdd={(name) => addNamed(doc, list, name)} />
      )}
    </section>
  )
}
