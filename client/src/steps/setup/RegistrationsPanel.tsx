import { useCallback, useEffect, useState } from 'react'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { type Registration, registrationsApi } from '../../lib/registrations-api.ts'

/**
 * The facilitator's view of who registered with the participant link (what the server counts
 * for ballots): a duplicate can be merged into the person it is (one ballot per round stays),
 * a junk registration removed (its link token stops working at once).
 */
export function RegistrationsPanel() {
  const { t } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const [people, setPeople] = useState<Registration[] | null>(null)
  const [status, setStatus] = useState('')
  const [mergeTargets, setMergeTargets] = useState<Record<string, string>>({})
  const load = useCallback(
    () =>
      registrationsApi.list(session.workshopId, session.key).then(
        ({ participants }) => setPeople(participants),
        (caught: unknown) => setStatus(errorText(caught)),
      ),
    [session, errorText],
  )
  useEffect(() => {
    void load()
  }, [load])
  const nameOf = (id: string) => people?.find((p) => p.id === id)?.name ?? ''
  const act = (change: Promise<unknown>, done: string) =>
    change.then(
      () => {
        setStatus(done)
        return load()
      },
      (caught: unknown) => setStatus(errorText(caught)),
    )

  return (
    <section
      aria-labelledby="registrations-heading"
      className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2"
    >
      <div className="mb-1 flex flex-wrap items-center justify-between gap-2">
        <h3 id="registrations-heading" className="text-lg font-semibold">
          {t('setup.registrations.heading')}
        </h3>
        <button
          type="button"
          onClick={() => void load()}
          className="rounded border border-slate-300 px-2 text-sm"
        >
          {t('setup.registrations.refresh')}
        </button>
      </div>
      <p className="mb-2 text-sm text-slate-600">{t('setup.registrations.hint')}</p>
      <p role="status" className="mb-2 text-sm empty:hidden">
        {status}
      </p>
      {people && people.length === 0 && <p className="text-slate-600">{t('setup.registrations.none')}</p>}
      <ul className="grid gap-2">
        {people?.map((person) => {
          const others = people.filter((p) => p.id !== person.id)
          const target = mergeTargets[person.id] ?? person.sameBrowserAs[0] ?? others[0]?.id ?? ''
          return (
            <li
              key={person.id}
              className="flex flex-wrap items-center gap-2 border-b border-slate-100 pb-2"
              data-testid="registration"
            >
              <span className="font-medium" data-testid="registration-name">
                {person.name}
              </span>
              {person.sameBrowserAs.length > 0 && (
                <span className="rounded bg-amber-100 px-2 text-sm text-amber-950" data-testid="same-browser">
                  {t('setup.registrations.sameBrowser', {
                    names: person.sameBrowserAs.map(nameOf).join(', '),
                  })}
                </span>
              )}
              <span className="ms-auto flex flex-wrap items-center gap-2">
                {others.length > 0 && (
                  <>
                    <select
                      value={target}
                      onChange={(e) => setMergeTargets({ ...mergeTargets, [person.id]: e.target.value })}
                      aria-label={t('setup.registrations.mergeInto', { name: person.name })}
                      className="rounded border border-slate-300 px-1 text-sm"
                    >
                      {others.map((other) => (
                        <option key={other.id} value={other.id}>
                          {other.name}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      onClick={() =>
                        void act(
                          registrationsApi.merge(session.workshopId, session.key, person.id, target),
                          t('setup.registrations.merged', { name: person.name, into: nameOf(target) }),
                        )
                      }
                      className="rounded border border-indigo-700 px-2 text-sm text-indigo-800"
                    >
                      {t('setup.registrations.merge', { name: person.name })}
                    </button>
                  </>
                )}
                <button
                  type="button"
                  onClick={() => {
                    if (!window.confirm(t('setup.registrations.confirmRemove', { name: person.name }))) return
                    void act(
                      registrationsApi.remove(session.workshopId, session.key, person.id),
                      t('setup.registrations.removed', { name: person.name }),
                    )
                  }}
                  className="rounded border border-red-700 px-2 text-sm text-red-800"
                >
                  {t('setup.registrations.remove', { name: person.name })}
                </button>
              </span>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
