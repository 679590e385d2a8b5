import { useState } from 'react'
import { recordsOf, recordText, removeRecord } from '../../../../shared/schema/records.ts'
import { addParticipant, readParticipants, setParticipantUnit } from '../../../../shared/schema/setup.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { UnitSelect } from '../../components/UnitSelect.tsx'
import { useTranslation } from '../../i18n/translation.tsx'

/** The group: each participant's name and organisational unit. */
export function ParticipantsEditor() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const participants = useYValue(recordsOf(doc, 'participants'), () => readParticipants(doc))
  const [draftUnit, setDraftUnit] = useState('')
  const readOnly = session.readOnly

  const unitSelect = (value: string, onChange: (unitId: string) => void, label: string) => (
    <UnitSelect value={value} onChange={onChange} label={label} disabled={readOnly} />
  )

  return (
    <section
      aria-labelledby="participants-heading"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="participants-heading" className="mb-1 text-lg font-semibold">
        {t('setup.participants.heading')}
      </h3>
      <p className="mb-3 text-sm text-slate-600">{t('setup.participants.hint')}</p>
      {participants.length === 0 && (
        <p className="mb-2 text-sm text-slate-500 italic">{t('setup.participants.empty')}</p>
      )}
      <ul className="grid gap-2">
        {participants.map((person, index) => (
          <li key={person.id} className="flex items-center gap-1" data-testid="participants-row">
            <CollabText
              text={recordText(doc, 'participants', person.id, 'name')}
              label={t('setup.nameOf', { kind: t('setup.participants.item'), position: index + 1 })}
              readOnly={readOnly}
            />
            {unitSelect(
              person.unitId ?? '',
              (unitId) => setParticipantUnit(doc, person.id, unitId || null),
              t('setup.unitOf', { name: person.name }),
            )}
            <button
              type="button"
              disabled={readOnly}
              onClick={() => removeRecord(doc, 'participants', person.id)}
              aria-label={t('setup.remove', { name: person.name })}
              className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 disabled:opacity-30"
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <AddItemForm
          label={t('setup.participants.new')}
          onAdd={(name) => addParticipant(doc, name, draftUnit || null)}
        >
          {unitSelect(draftUnit, setDraftUnit, t('setup.participants.newUnit'))}
        </AddItemForm>
      )}
    </section>
  )
}
