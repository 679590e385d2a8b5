import { useState } from 'react'
import { recordsOf } from '../../../shared/schema/records.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { onePerPerson, usePresence } from '../collab/presence.ts'
import { useTranslation } from '../i18n/translation.tsx'

/** Faces shown in the header; the others are in the count. */
const SHOWN_FACES = 5

/**
 * Who is online, compact so the header keeps the workshop's title whole on a projector:
 * overlapping initials and a count; the names, units, roles and steps open on hover, on
 * keyboard focus or with a click (a touch screen has no hover).
 */
export function PresenceList() {
  const { t } = useTranslation()
  const session = useSession()
  const myId = session.content.clientID
  const people = onePerPerson(usePresence(session), myId)
  const [open, setOpen] = useState(false)
  const units = useYValue(recordsOf(session.content, 'units'), () => readNamedList(session.content, 'units'))
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name
  const label = t('presence.label', { count: people.length })
  return (
    <section aria-label={label} className="group relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="presence-details"
        onClick={() => setOpen(!open)}
        className="flex min-h-8 items-center rounded-full border border-slate-200 bg-white py-0.5 pr-2 pl-1 text-sm"
        data-testid="presence-toggle"
      >
        <span aria-hidden="true" className="flex -space-x-1.5">
          {people.slice(0, SHOWN_FACES).map((person) => (
            <span
              key={person.clientId}
              className="flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold text-white ring-2 ring-white"
              style={{ backgroundColor: person.colour }}
            >
              {person.name.slice(0, 1).toUpperCase()}
            </span>
          ))}
        </span>
        <span className="ml-1.5 font-semibold" data-testid="presence-count">
          <span className="sr-only">{label}</span>
          <span aria-hidden="true">{people.length}</span>
        </span>
      </button>
      <ul
        id="presence-details"
        className={`${open ? 'grid' : 'hidden group-focus-within:grid group-hover:grid'} absolute right-0 z-40 mt-1 w-72 gap-1 rounded border border-slate-300 bg-white p-2 shadow-lg`}
      >
        {people.map((person) => {
          const description = [
            person.name + (person.clientId === myId ? ` (${t('presence.you')})` : ''),
            unitName(person.unitId),
            t(`role.${person.role}`),
            t(`steps.${person.step}.short`),
          ]
            .filter(Boolean)
            .join(' · ')
          return (
            <li key={person.clientId} data-testid="presence" className="flex items-center gap-2 text-sm">
              <span
                aria-hidden="true"
                className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-bold text-white"
                style={{ backgroundColor: person.colour }}
              >
                {person.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="min-w-0 break-words">{description}</span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
