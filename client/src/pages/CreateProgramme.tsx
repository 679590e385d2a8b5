import { type FormEvent, useState } from 'react'
import type { Language } from '../../../shared/i18n-language.ts'
import { navigate } from '../App.tsx'
import { useTranslation } from '../i18n/translation.tsx'
import { ApiError } from '../lib/api.ts'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { programmePath } from '../lib/links.ts'
import { programmesApi, rememberProgrammeKey } from '../lib/programmes-api.ts'

/** On the home page: a programme groups several improvement groups for the managers. */
export function CreateProgramme({ createToken }: { createToken: string }) {
  const { t, i18n } = useTranslation()
  const errorText = useApiErrorText()
  const [title, setTitle] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) return setError(t('home.titleRequired'))
    setBusy(true)
    setError(null)
    try {
      const language: Language = i18n.language === 'en' ? 'en' : 'it'
      const created = await programmesApi.create(
        { title: title.trim(), organisation: organisation.trim(), language },
        createToken || undefined,
      )
      rememberProgrammeKey(created.id, created.keys.facilitator)
      navigate(programmePath(created.id, created.keys.facilitator))
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? t('home.createFailed', { reason: errorText(caught) })
          : t('home.offline'),
      )
    } finally {
      setBusy(false)
    }
  }
  const field = 'rounded border border-slate-300 px-2 py-1'
  return (
    <section
      aria-labelledby="programme-create-heading"
      className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <h2 id="programme-create-heading" className="mb-1 text-xl font-semibold">
        {t('programme.create.heading')}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t('programme.create.intro')}</p>
      <form onSubmit={submit} className="grid gap-3">
        <label className="grid gap-1">
          <span>{t('programme.create.title')}</span>
          <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} className={field} />
        </label>
        <label className="grid gap-1">
          <span>{t('programme.create.organisation')}</span>
          <input
            value={organisation}
            maxLength={200}
            onChange={(e) => setOrganisation(e.target.value)}
            className={field}
          />
        </label>
        <button
          type="submit"
          disabled={busy}
          className="min-h-9 justify-self-start rounded bg-indigo-700 px-4 font-medium text-white disabled:opacity-50"
        >
          {t('programme.create.submit')}
        </button>
        {error && (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        )}
      </form>
    </section>
  )
}
