import { type FormEvent, useEffect, useRef, useState } from 'react'
import { addParticipant, readParticipants, setParticipantUnit } from '../../../shared/schema/setup.ts'
import { useSession } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { colourFor, type Identity } from '../lib/local-memory.ts'
import { UnitSelect } from './UnitSelect.tsx'

/**
 * First visit to a workshop in this browser: name and unit. A participant joins the group's
 * participant list (or is matched to an entry the facilitator already made with that name).
 */
export function JoinDialog({ onJoin }: { onJoin: (identity: Identity) => void }) {
  const { t } = useTranslation()
  const session = useSession()
  const [name, setName] = useState('')
  const [unitId, setUnitId] = useState('')
  const [error, setError] = useState<string | null>(null)
  const nameRef = useRef<HTMLInputElement>(null)
  useEffect(() => nameRef.current?.focus(), [])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) {
      setError(t('join.nameRequired'))
      return
    }
    let participantId: string | null = null
    if (session.role === 'participant') {
      const existing = readParticipants(session.content).find(
        (p) => p.name.trim().toLowerCase() === trimmed.toLowerCase(),
      )
      participantId = existing?.id ?? addParticipant(session.content, trimmed, unitId || null)
      if (existing && unitId && existing.unitId !== unitId)
        setParticipantUnit(session.content, existing.id, unitId)
      session.undoManager.clear()
    }
    onJoin({
      name: trimmed,
      unitId: unitId || null,
      participantId,
      colour: colourFor(`${trimmed}:${Math.random()}`),
    })
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="join-heading"
        className="w-full max-w-md rounded-lg bg-white p-6 shadow-xl"
      >
        <h2 id="join-heading" className="mb-1 text-xl font-semibold">
          {t('join.heading')}
        </h2>
        <p className="mb-4 text-slate-600">{t(`join.intro.${session.role}`)}</p>
        <form onSubmit={submit} className="grid gap-3" noValidate>
          <label className="grid gap-1">
            <span className="font-medium">{t('join.name')}</span>
            <input
              ref={nameRef}
              value={name}
              onChange={(e) => setName(e.target.value)}
              autoComplete="name"
              className="rounded border border-slate-300 px-2 py-1"
            />
          </label>
          <div className="grid gap-1">
            <label htmlFor="join-unit" className="font-medium">
              {t('join.unit')}
            </label>
            <UnitSelect
              id="join-unit"
              value={unitId}
              onChange={setUnitId}
              className="rounded border border-slate-300 px-2 py-1"
            />
          </div>
          {error && (
            <p role="alert" className="text-red-800">
              {error}
            </p>
          )}
          <button
            type="submit"
            className="rounded bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800"
          >
            {t('join.submit')}
          </button>
        </form>
      </div>
    </div>
  )
}
