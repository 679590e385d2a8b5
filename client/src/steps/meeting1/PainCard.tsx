import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { memo, type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import {
  moveCard,
  readPain,
  removePain,
  SEVERITIES,
  setPainSegment,
} from '../../../../shared/schema/journey.ts'
import { getRecord, recordsOf, recordText, setField } from '../../../../shared/schema/records.ts'
import { type NamedItem, readNamedList } from '../../../../shared/schema/setup.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useEditingHandlers, useEditors } from '../../collab/editing.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { EditorsBadge } from '../../components/EditorsBadge.tsx'
import { VoteBadge } from '../../components/VotePanel.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useFocusAcrossRemount } from '../../lib/focus-across-remount.ts'
import { useUi } from '../../state/ui.ts'

type Props = {
  id: string
  /** The card's text as its column knows it, for the handle's name. */
  label: string
  stages: NamedItem[]
  position: number
  count: number
  linkedTo: string[] | undefined
}

/** Browsers that say when an element's content is skipped (content-visibility: auto). */
const SAYS_WHEN_SKIPPED = typeof window !== 'undefined' && 'oncontentvisibilityautostatechange' in window

/**
 * One pain (or enhancement) card. A card joins drag and drop (dnd-kit's `useSortable`) once it
 * comes near the viewport, is focused or pointed at, and stays in it: when a drag starts,
 * dnd-kit re-renders and measures every sortable card, and 300 of them made that first frame
 * 200-280 ms; the cards near the screen are the ones a drag can reach. The content is memoised
 * and subscribes to its own record only, so a drag or another card's edit does not re-render it.
 */
export const PainCard = memo(function PainCard({ id, label, ...content }: Props) {
  const { t } = useTranslation()
  const readOnly = useSession().readOnly
  const root = useRef<HTMLLIElement | null>(null)
  const [near, setNear] = useState(!SAYS_WHEN_SKIPPED)
  // The handle is a new element once the card joins: focus that was on it moves with it.
  const refocus = useRef(false)
  useFocusAcrossRemount(root)
  useEffect(() => {
    const element = root.current
    if (near || !element) return
    const join = (event: Event) => {
      if (
        event.type === 'contentvisibilityautostatechange' &&
        (event as Event & { skipped: boolean }).skipped
      )
        return
      refocus.current = document.activeElement?.id === `${id}-handle`
      setNear(true)
    }
    const kinds = ['contentvisibilityautostatechange', 'focusin', 'pointerenter'] as const
    for (const kind of kinds) element.addEventListener(kind, join)
    return () => {
      for (const kind of kinds) element.removeEventListener(kind, join)
    }
  }, [near, id])
  // A drag re-renders every sortable card's handle on each pointer move: no translation there.
  const handleLabel = useMemo(
    () => t('meeting1.pain.handle', { card: label || t('meeting1.pain.untitled') }),
    [t, label],
  )
  const handle = { id, label: handleLabel, readOnly }
  return (
    <li ref={root} className="relative [contain-intrinsic-size:auto_7rem] [content-visibility:auto]">
      {near ? <SortableHandle {...handle} card={root} refocus={refocus} /> : <Handle {...handle} />}
      <PainCardContent id={id} {...content} />
    </li>
  )
})

type HandleProps = { id: string; label: string; readOnly: boolean }
const HANDLE_CLASS =
  'absolute top-1 left-0.5 min-h-6 min-w-6 cursor-grab touch-none rounded px-1 text-slate-500 hover:bg-white disabled:cursor-default disabled:opacity-30'

/** The handle of a card that has not joined drag and drop yet (off screen, never focused). */
function Handle({ id, label, readOnly }: HandleProps) {
  return (
    <button type="button" id={`${id}-handle`} aria-label={label} disabled={readOnly} className={HANDLE_CLASS}>
      ⠿
    </button>
  )
}

/** The handle of a card in drag and drop: it registers the card (the whole `li`) with dnd-kit. */
function SortableHandle({
  id,
  label,
  readOnly,
  card,
  refocus,
}: HandleProps & { card: RefObject<HTMLLIElement | null>; refocus: RefObject<boolean> }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id,
    disabled: readOnly,
  })
  const button = useRef<HTMLButtonElement | null>(null)
  useLayoutEffect(() => {
    setNodeRef(card.current)
    if (refocus.current) button.current?.focus()
    refocus.current = false
  }, [setNodeRef, card, refocus])
  useLayoutEffect(() => {
    const element = card.current
    if (!element) return
    element.style.transform = CSS.Transform.toString(transform) ?? ''
    element.style.transition = transition ?? ''
    element.classList.toggle('z-10', isDragging)
    element.classList.toggle('opacity-40', isDragging)
  }, [card, transform, transition, isDragging])
  return (
    <button
      type="button"
      ref={button}
      {...attributes}
      {...listeners}
      id={`${id}-handle`}
      aria-label={label}
      disabled={readOnly}
      className={HANDLE_CLASS}
    >
      ⠿
    </button>
  )
}

const PainCardContent = memo(function PainCardContent({
  id,
  stages,
  position,
  count,
  linkedTo,
}: Omit<Props, 'label'>) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const pain = useYValue(getRecord(doc, 'pains', id), () => readPain(doc, id))
  const editors = useEditors(`pains:${id}`)
  const editing = useEditingHandlers(`pains:${id}`)
  const open = useUi((s) => s.openCards[id] === true)
  const toggleCard = useUi((s) => s.toggleCard)
  const readOnly = session.readOnly
  if (!pain) return null
  const label = pain.text || t('meeting1.pain.untitled')
  // Inside the card: the card's paint is contained (content-visibility), so an outline outside it would be cut.
  const outline = editors[0] ? { outline: `3px solid ${editors[0].colour}`, outlineOffset: '-3px' } : {}
  const small = 'rounded border border-slate-300 bg-white px-1 text-sm disabled:bg-slate-50'

  return (
    <div
      data-testid="pain-card"
      data-pain={pain.text}
      style={outline}
      className={`grid gap-1 rounded border p-2 pl-6 shadow-sm ${!pain.inScope ? 'border-dashed border-slate-500 bg-slate-100' : pain.kind === 'enhancement' ? 'border-emerald-300 bg-emerald-50' : 'border-amber-300 bg-amber-50'}`}
    >
      <CollabText
        text={recordText(doc, 'pains', id, 'text')}
        id={`${id}-text`}
        label={t('meeting1.pain.text')}
        multiline
        readOnly={readOnly}
        {...editing}
        className="min-h-12 w-full resize-y rounded border border-transparent bg-transparent px-1 text-sm hover:border-slate-300 focus:border-slate-400 focus:bg-white"
      />
      <EditorsBadge editors={editors} />
      <VoteBadge itemId={id} />
      <div className="flex flex-wrap items-center gap-1 text-xs">
        <label className="flex items-center gap-1">
          <span>{t('meeting1.pain.severity')}</span>
          <select
            value={pain.severity}
            disabled={readOnly}
            onChange={(e) => setField(doc, 'pains', id, 'severity', Number(e.target.value))}
            className={small}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={pain.inScope}
            disabled={readOnly}
            onChange={(e) => setField(doc, 'pains', id, 'inScope', e.target.checked)}
          />
          {t('meeting1.pain.inScope')}
        </label>
        <button
          type="button"
          aria-expanded={open}
          onClick={() => toggleCard(id)}
          className="ml-auto rounded px-1 text-indigo-800 underline"
          aria-label={t('meeting1.pain.detailsOf', { card: label })}
        >
          {open ? t('meeting1.pain.less') : t('meeting1.pain.more')}
        </button>
      </div>
      {linkedTo && linkedTo.length > 0 && (
        <p className="text-xs text-indigo-900" data-testid="pain-links">
          {t('meeting1.pain.addressedBy', { titles: linkedTo.join(', ') })}
        </p>
      )}
      {open && (
        <div className="grid gap-2 border-t border-slate-200 pt-2 text-sm">
          <label className="flex items-center gap-1">
            <span>{t('meeting1.pain.kind')}</span>
            <select
              value={pain.kind}
              disabled={readOnly}
              onChange={(e) => setField(doc, 'pains', id, 'kind', e.target.value)}
              className={small}
            >
              <option value="pain">{t('meeting1.pain.kinds.pain')}</option>
              <option value="enhancement">{t('meeting1.pain.kinds.enhancement')}</option>
            </select>
          </label>
          <PainSegments painId={id} hit={pain.segmentIds} readOnly={readOnly} />
          <div className="grid gap-1">
            <span className="font-medium" aria-hidden="true">
              {t('meeting1.pain.evidence')}
            </span>
            <CollabText
              text={recordText(doc, 'pains', id, 'evidence')}
              id={`${id}-evidence`}
              label={t('meeting1.pain.evidence')}
              multiline
              readOnly={readOnly}
              {...editing}
              placeholder={t('meeting1.pain.evidenceHint')}
            />
          </div>
          {!readOnly && (
            <div className="flex flex-wrap items-center gap-1">
              <label className="flex items-center gap-1">
                <span>{t('meeting1.pain.moveTo')}</span>
                <select
                  id={`${id}-stage`}
                  value={pain.stageId}
                  onChange={(e) => moveCard(doc, 'pains', id, e.target.value, Number.MAX_SAFE_INTEGER)}
                  className={small}
                >
                  {stages.map((stage) => (
                    <option key={stage.id} value={stage.id}>
                      {stage.name || t('setup.unnamed')}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                id={`${id}-up`}
                disabled={position === 0}
                onClick={() => moveCard(doc, 'pains', id, pain.stageId, position - 1)}
                aria-label={t('setup.moveUp', { name: label })}
                className="rounded px-2 hover:bg-white disabled:opacity-30"
              >
                ↑
              </button>
              <button
                type="button"
                id={`${id}-down`}
                disabled={position === count - 1}
                onClick={() => moveCard(doc, 'pains', id, pain.stageId, position + 1)}
                aria-label={t('setup.moveDown', { name: label })}
                className="rounded px-2 hover:bg-white disabled:opacity-30"
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() => removePain(doc, id)}
                className="ml-auto rounded px-2 text-red-800 hover:bg-red-50"
              >
                {t('meeting1.pain.remove')}
              </button>
            </div>
          )}
        </div>
      )}
    </div>
  )
})

/** The segments a pain hits; read only while the details are open. */
function PainSegments({
  painId,
  hit,
  readOnly,
}: {
  painId: string
  hit: readonly string[]
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const doc = useSession().content
  const segments = useYValue(recordsOf(doc, 'segments'), () => readNamedList(doc, 'segments'))
  return (
    <fieldset>
      <legend className="font-medium">{t('meeting1.pain.segments')}</legend>
      {segments.length === 0 && <p className="text-xs text-slate-600">{t('meeting1.pain.noSegments')}</p>}
      {segments.map((segment) => (
        <label key={segment.id} className="flex items-center gap-1 text-xs">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={hit.includes(segment.id)}
            onChange={(e) => setPainSegment(doc, painId, segment.id, e.target.checked)}
          />
          {segment.name}
        </label>
      ))}
    </fieldset>
  )
}
