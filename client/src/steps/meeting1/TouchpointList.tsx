import { addTouchpoint, readTouchpoints } from '../../../../shared/schema/journey.ts'
import { recordsOf, recordText, removeRecord, setField } from '../../../../shared/schema/records.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { useTranslation } from '../../i18n/translation.tsx'

/** The touchpoints of one stage; a moment of truth is flagged and stands out. */
export function TouchpointList({ stageId }: { stageId: string }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const touchpoints = useYValue(recordsOf(doc, 'touchpoints'), () =>
    readTouchpoints(doc).filter((tp) => tp.stageId === stageId),
  )
  const readOnly = session.readOnly
  return (
    <div className="grid gap-1">
      <h5 className="text-sm font-medium text-slate-600">{t('meeting1.touchpoints.heading')}</h5>
      <ul className="grid gap-1">
        {touchpoints.map((tp) => (
          <li
            key={tp.id}
            data-testid="touchpoint"
            className={`flex items-center gap-1 rounded border bg-white px-1 text-sm ${tp.momentOfTruth ? 'border-rose-500 ring-1 ring-rose-500' : 'border-slate-200'}`}
          >
            <button
              type="button"
              aria-pressed={tp.momentOfTruth}
              disabled={readOnly}
              onClick={() => setField(doc, 'touchpoints', tp.id, 'momentOfTruth', !tp.momentOfTruth)}
              aria-label={t('meeting1.touchpoints.mot', { name: tp.name })}
              title={t('meeting1.touchpoints.motHint')}
              className="min-h-6 rounded px-1 text-xs font-bold text-slate-500 aria-pressed:bg-rose-600 aria-pressed:text-white"
            >
              {/* A mark, not an abbreviation: the button's name and tooltip say it in words. */}
              <span aria-hidden="true">★</span>
            </button>
            <CollabText
              text={recordText(doc, 'touchpoints', tp.id, 'name')}
              label={t('meeting1.touchpoints.name')}
              readOnly={readOnly}
              className="min-w-0 flex-1 border-none bg-transparent px-1 py-0.5"
            />
            {!readOnly && (
              <button
                type="button"
                onClick={() => removeRecord(doc, 'touchpoints', tp.id)}
                aria-label={t('setup.remove', { name: tp.name })}
                className="min-h-6 min-w-6 rounded px-1 text-slate-500 hover:bg-slate-100"
              >
                ✕
              </button>
            )}
          </li>
        ))}
      </ul>
      {!readOnly && (
        <AddItemForm
          label={t('meeting1.touchpoints.new')}
          onAdd={(name) => addTouchpoint(doc, stageId, name)}
          compact
        />
      )}
    </div>
  )
}
