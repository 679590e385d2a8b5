import { isLanguage } from '../../../../shared/i18n-language.ts'
import {
  findMetaText,
  META_TEXT_FIELDS,
  type MetaTextField,
  metaMap,
  readMeta,
  setWorkshopLanguage,
} from '../../../../shared/schema/meta.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { DeleteWorkshop } from './DeleteWorkshop.tsx'
import { NamedListEditor } from './NamedListEditor.tsx'
import { ParticipantsEditor } from './ParticipantsEditor.tsx'
import { RegistrationsPanel } from './RegistrationsPanel.tsx'

/** Step 1: what the workshop is about, who takes part, which customers and which journey. */
export function SetupStep() {
  const { t } = useTranslation()
  const session = useSession()
  return (
    <div className="mx-auto grid max-w-6xl gap-4">
      <h2 className="text-2xl font-semibold">{t('steps.setup.title')}</h2>
      <WorkshopDetails />
      <div className="grid gap-4 lg:grid-cols-2">
        <NamedListEditor list="stages" />
        <NamedListEditor list="segments" />
        <NamedListEditor list="units" />
        <ParticipantsEditor />
        {session.role === 'facilitator' && <RegistrationsPanel />}
      </div>
      {session.role === 'facilitator' && <DeleteWorkshop />}
    </div>
  )
}

/**
 * A detail bound to its shared text. If a bad write removed or replaced that text, what is left
 * shows read-only until the server repairs the document (it does when the workshop next loads).
 */
function DetailText({ field }: { field: MetaTextField }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  // Which shared text is there (its Yjs id), so that a replaced one re-binds the input.
  const textId = useYValue(metaMap(doc), () => {
    const item = findMetaText(doc, field)?._item
    return item ? `${item.id.client}:${item.id.clock}` : null
  })
  const text = textId ? findMetaText(doc, field) : undefined
  if (text)
    return (
      <CollabText
        key={textId}
        text={text}
        label={t(`setup.details.${field}`)}
        readOnly={session.readOnly}
        multiline={field === 'focus'}
      />
    )
  return (
    <input
      readOnly
      value={readMeta(doc)[field]}
      aria-label={t(`setup.details.${field}`)}
      className="rounded border border-slate-300 bg-slate-50 px-2 py-1"
    />
  )
}

function WorkshopDetails() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const language = useYValue(metaMap(doc), () => readMeta(doc).language)
  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="details-heading" className="mb-3 text-lg font-semibold">
        {t('setup.details.heading')}
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        {META_TEXT_FIELDS.map((field) => (
          <div key={field} className={`grid gap-1 ${field === 'focus' ? 'md:col-span-2' : ''}`}>
            <span aria-hidden="true" className="font-medium">
              {t(`setup.details.${field}`)}
            </span>
            <DetailText field={field} />
          </div>
        ))}
        <label className="grid gap-1">
          <span className="font-medium">{t('setup.details.language')}</span>
          <select
            value={language}
            disabled={session.readOnly}
            onChange={(e) => isLanguage(e.target.value) && setWorkshopLanguage(doc, e.target.value)}
            className="rounded border border-slate-300 px-2 py-1 disabled:bg-slate-50"
          >
            <option value="it">{t('language.it')}</option>
            <option value="en">{t('language.en')}</option>
          </select>
        </label>
      </div>
    </section>
  )
}
