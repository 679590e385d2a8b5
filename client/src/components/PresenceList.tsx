import { useTranslation } from 'react-i18next'
import { recordsOf } from '../../../shared/schema/records.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { usePresence } from '../collab/presence.ts'

/** Who is online: name, colour, unit and the step each person is on. */
export function PresenceList() {
  const { t } = useTranslation()
  const session = useSession()
  const people = usePresence(session)
  const units = useYValue(recordsOf(session.content, 'units'), () => readNamedList(session.content, 'units'))
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name
  const myId = session.content.clientID
  return (
    <section aria-label={t('presence.label', { count: people.length })}>
      <ul className="flex flex-wrap items-center gap-1">
        {people.map((person) => {
          const unit = unitName(person.unitId)
          const description = [
            person.name + (person.clientId === myId ? ` (${t('presence.you')})` : ''),
            unit,
            t(`role.${person.role}`),
            t(`steps.${person.step}.short`),
          ]
            .filter(Boolean)
            .join(' · ')
          return (
            <li
              key={person.clientId}
              data-testid="presence"
              title={description}
              className="flex items-center gap-1 rounded-full border border-slate-200 bg-white py-0.5 pr-2 pl-0.5 text-sm"
            >
              <span
                aria-hidden="true"
                className="flex h-6 w-6 items-center justify-center rounded-full text-xs font-bold text-white"
                style={{ backgroundColor: person.colour }}
              >
                {person.name.slice(0, 1).toUpperCase()}
              </span>
              <span className="sr-only">{description}</span>
              <span aria-hidden="true" className="max-w-32 truncate">
                {person.name}
                <span className="text-slate-500"> · {t(`steps.${person.step}.short`)}</span>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
