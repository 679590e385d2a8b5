import { type FormEvent, useState } from 'react'
import type { Language } from '../../../shared/i18n-language.ts'
import type { WorkshopKind } from '../../../shared/steps.ts'
import { navigate } from '../App.tsx'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { useTranslation } from '../i18n/translation.tsx'
import { ApiError, type CreatedWorkshop, createWorkshop, importWorkshop } from '../lib/api.ts'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { workshopPath } from '../lib/links.ts'
import { forgetWorkshop, knownWorkshops, rememberWorkshop } from '../lib/local-memory.ts'
import { CreateProgramme } from './CreateProgramme.tsx'

export function HomePage() {
  const { t, i18n } = useTranslation()
  const errorText = useApiErrorText()
  const [title, setTitle] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [language, setLanguage] = useState<Language>(i18n.language === 'en' ? 'en' : 'it')
  const [kind, setKind] = useState<WorkshopKind>('improvement')
  const [createToken, setCreateToken] = useState('')
  const [needsToken, setNeedsToken] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [workshops, setWorkshops] = useState(knownWorkshops)

  const open = (created: CreatedWorkshop) => {
    rememberWorkshop({
      id: created.id,
      title: created.title,
      role: 'facilitator',
      key: created.keys.facilitator,
    })
    navigate(workshopPath(created.id, created.keys.facilitator))
  }

  const create = async (demo: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const input = demo
        ? { demo: true, language: i18n.language === 'en' ? ('en' as const) : ('it' as const) }
        : { title: title.trim(), organisation: organisation.trim(), language, kind }
      open(await createWorkshop(input, createToken || undefined))
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setNeedsToken(true)
      setError(
        caught instanceof ApiError
          ? t('home.createFailed', { reason: errorText(caught) })
          : t('home.offline'),
      )
    } finally {
      setBusy(false)
    }
  }

  const importFile = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      let parsed: unknown
      try {
        parsed = JSON.parse(await file.text())
      } catch {
        setError(t('home.importFailed', { reason: t('home.importNotJson') }))
        return
      }
      open(await importWorkshop(parsed, createToken || undefined))
    } catch (caught) {
      if (caught instanceof ApiError && (caught.status === 401 || caught.status === 403)) setNeedsToken(true)
      setError(
        caught instanceof ApiError
          ? t('home.importFailed', { reason: errorText(caught, 'import') })
          : t('home.offline'),
      )
    } finally {
      setBusy(false)
    }
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!title.trim()) {
      setError(t('home.titleRequired'))
      return
    }
    void create(false)
  }

  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
        <h1 className="text-2xl font-bold text-indigo-800">Tavolo</h1>
        <LanguageSwitch />
      </header>
      <main className="mx-auto grid max-w-5xl gap-8 p-6 md:grid-cols-2">
        <section
          aria-labelledby="create-heading"
          className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 id="create-heading" className="mb-1 text-xl font-semibold">
            {t('home.createHeading')}
          </h2>
          <p className="mb-4 text-slate-600">{t('home.createIntro')}</p>
          <form onSubmit={onSubmit} className="grid gap-3" noValidate>
            <label className="grid gap-1">
              <span className="font-medium">{t('home.title')}</span>
              <input
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
                className="rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <label className="grid gap-1">
              <span className="font-medium">{t('home.organisation')}</span>
              <input
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
                className="rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <label className="grid gap-1">
              <span className="font-medium">{t('home.workshopLanguage')}</span>
              <select
                value={language}
                onChange={(e) => setLanguage(e.target.value as Language)}
                className="rounded border border-slate-300 px-2 py-1"
              >
                <option value="it">{t('language.it')}</option>
                <option value="en">{t('language.en')}</option>
              </select>
            </label>
            <fieldset className="grid gap-1">
              <legend className="font-medium">{t('home.kindLabel')}</legend>
              {(['improvement', 'vision'] as const).map((k) => (
                <label key={k} className="flex items-center gap-2">
                  <input type="radio" name="kind" checked={kind === k} onChange={() => setKind(k)} />
                  {t(k === 'vision' ? 'home.kindVision' : 'home.kindImprovement')}
                </label>
              ))}
            </fieldset>
            {needsToken && (
              <label className="grid gap-1">
                <span className="font-medium">{t('home.createToken')}</span>
                <input
                  type="password"
                  value={createToken}
                  onChange={(e) => setCreateToken(e.target.value)}
                  className="rounded border border-slate-300 px-2 py-1"
                />
              </label>
            )}
            {error && (
              <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
                {error}
              </p>
            )}
            <button
              type="submit"
              disabled={busy}
              className="rounded bg-indigo-700 px-4 py-2 font-semibold text-white hover:bg-indigo-800 disabled:opacity-50"
            >
              {t('home.create')}
            </button>
          </form>
          <div className="mt-6 border-t border-slate-200 pt-4">
            <p className="mb-2 text-slate-600">{t('home.demoIntro')}</p>
            <button
              type="button"
              disabled={busy}
              onClick={() => void create(true)}
              className="rounded border border-indigo-700 px-4 py-2 font-semibold text-indigo-800 hover:bg-indigo-50 disabled:opacity-50"
            >
              {t('home.tryDemo')}
            </button>
          </div>
          <div className="mt-6 grid gap-2 border-t border-slate-200 pt-4">
            <h3 className="font-semibold">{t('home.importHeading')}</h3>
            <p className="text-slate-600">{t('home.importIntro')}</p>
            <label className="grid gap-1">
              <span className="font-medium">{t('home.importFile')}</span>
              <input
                type="file"
                accept="application/json,.json"
                disabled={busy}
                onChange={(e) => {
                  void importFile(e.target.files?.[0])
                  e.target.value = ''
                }}
                className="text-sm"
              />
            </label>
          </div>
        </section>
        <section
          aria-labelledby="known-heading"
          className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        >
          <h2 id="known-heading" className="mb-3 text-xl font-semibold">
            {t('home.yourWorkshops')}
          </h2>
          {workshops.length === 0 ? (
            <p className="text-slate-600">{t('home.noWorkshops')}</p>
          ) : (
            <ul className="grid gap-2">
              {workshops.map((w) => (
                <li
                  key={w.id}
                  className="flex items-center justify-between gap-2 rounded border border-slate-200 p-2"
                >
                  <a
                    href={workshopPath(w.id, w.key)}
                    onClick={(event) => {
                      event.preventDefault()
                      navigate(workshopPath(w.id, w.key))
                    }}
                    className="font-medium text-indigo-800 underline"
                  >
                    {w.title || t('workshop.untitled')}
                  </a>
                  <span className="text-sm text-slate-600">{t(`role.${w.role}`)}</span>
                  <button
                    type="button"
                    onClick={() => {
                      forgetWorkshop(w.id)
                      setWorkshops(knownWorkshops())
                    }}
                    aria-label={t('home.forget', { title: w.title })}
                    className="rounded px-2 text-slate-500 hover:bg-slate-100"
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        <CreateProgramme createToken={createToken} />
      </main>
    </div>
  )
}
