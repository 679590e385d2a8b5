import { type FormEvent, useState } from 'react'
import { FormMessage, type FormOutcome } from '../components/FormMessage.tsx'
import { useTranslation } from '../i18n/translation.tsx'
import { ApiError } from '../lib/api.ts'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { parseWorkshopLink, programmePath } from '../lib/links.ts'
import { type ProgrammeInfo, programmesApi } from '../lib/programmes-api.ts'

/**
 * The programme facilitator's panel: the managers' (viewer) link, and the groups: one is added
 * with its facilitator link (only a group's facilitator can put it in a programme).
 */
export function ProgrammeGroupsAdmin({ info, onChange }: { info: ProgrammeInfo; onChange: () => void }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const [link, setLink] = useState('')
  const [message, setMessage] = useState<FormOutcome | null>(null)
  const key = info.keys!.facilitator
  const viewerLink = `${location.origin}${programmePath(info.id, info.keys!.viewer)}`
  const add = async (event: FormEvent) => {
    event.preventDefault()
    const parsed = parseWorkshopLink(link)
    if (!parsed) return setMessage({ text: t('programme.admin.notALink'), error: true })
    try {
      await programmesApi.addGroup(info.id, key, parsed.id, parsed.key)
      setLink('')
      setMessage({ text: t('programme.admin.added'), error: false })
      onChange()
    } catch (caught) {
      setMessage({
        text:
          caught instanceof ApiError
            ? t('programme.admin.failed', { reason: errorText(caught) })
            : t('home.offline'),
        error: true,
      })
    }
  }
  return (
    <section
      aria-labelledby="programme-admin-heading"
      className="grid gap-3 rounded-lg border border-indigo-200 bg-indigo-50 p-4"
      data-print="hide"
    >
      <h2 id="programme-admin-heading" className="text-xl font-semibold">
        {t('programme.admin.heading')}
      </h2>
      <label className="grid gap-1">
        <span className="font-medium">{t('programme.admin.viewerLink')}</span>
        <span className="text-sm text-slate-700">{t('programme.admin.viewerHint')}</span>
        <input
          readOnly
          value={viewerLink}
          onFocus={(e) => e.currentTarget.select()}
          className="rounded border border-slate-300 px-2 py-1 text-xs"
        />
      </label>
      <form onSubmit={add} className="grid gap-1">
        <label className="grid gap-1">
          <span className="font-medium">{t('programme.admin.addLabel')}</span>
          <span className="text-sm text-slate-700">{t('programme.admin.addHint')}</span>
          <input
            value={link}
            onChange={(e) => setLink(e.target.value)}
            className="rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <button type="submit" className="min-h-9 justify-self-start rounded bg-indigo-700 px-3 text-white">
          {t('programme.admin.add')}
        </button>
      </form>
      <FormMessage outcome={message} />
      {info.groups.length > 0 && (
        <ul className="grid gap-1">
          {info.groups.map((g) => (
            <li
              key={g.workshopId}
              className="flex items-center justify-between gap-2 rounded bg-white px-2 py-1"
            >
              <span>{g.title}</span>
              <button
                type="button"
                onClick={async () => {
                  await programmesApi.removeGroup(info.id, key, g.workshopId).catch(() => undefined)
                  onChange()
                }}
                aria-label={t('programme.admin.remove', { title: g.title })}
                className="min-h-6 rounded px-2 text-red-800 underline"
              >
                {t('programme.admin.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
