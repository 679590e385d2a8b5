import { useEffect, useRef, useState } from 'react'
import { LanguageSwitch } from '../components/LanguageSwitch.tsx'
import { useTranslation } from '../i18n/translation.tsx'
import { ApiError } from '../lib/api.ts'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { hideKeyFromAddressBar } from '../lib/links.ts'
import {
  type ProgrammeInfo,
  programmeKey,
  programmesApi,
  rememberProgrammeKey,
} from '../lib/programmes-api.ts'
import { GroupsOverview } from '../programme/GroupsOverview.tsx'
import { ProgrammeGroupsAdmin } from '../programme/ProgrammeGroupsAdmin.tsx'
import { ProgrammeTables } from '../programme/ProgrammeTables.tsx'
import { useDashboard } from '../programme/use-dashboard.ts'

/**
 * A programme's dashboard for managers (viewer key) and its facilitator: every group, one
 * pipeline and KPI table across them, the units' load; live, a consolidated XLSX, printable.
 */
export function ProgrammePage({ id, keyFromLink }: { id: string; keyFromLink: string | null }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const [key] = useState(() => {
    if (keyFromLink) rememberProgrammeKey(id, keyFromLink)
    return keyFromLink ?? programmeKey(id)
  })
  const [info, setInfo] = useState<ProgrammeInfo | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { data, error, refresh } = useDashboard(id, key)
  const [version, setVersion] = useState(0)
  const words = useRef({ t, errorText })
  words.current = { t, errorText }
  // biome-ignore lint/correctness/useExhaustiveDependencies: version asks again (a group added or removed)
  useEffect(() => {
    const { t, errorText } = words.current
    if (!key) return setProblem(t('programme.noKey'))
    programmesApi.info(id, key).then(
      (answer) => {
        setInfo(answer)
        hideKeyFromAddressBar()
      },
      (caught) => setProblem(caught instanceof ApiError ? errorText(caught) : t('home.offline')),
    )
  }, [id, key, version])
  useEffect(() => {
    if (info) document.title = `${info.title} · Tavolo`
  }, [info])
  const download = async () => {
    const response = await fetch(`/api/programmes/${encodeURIComponent(id)}/exports/programme.xlsx`, {
      headers: { authorization: `Bearer ${key}` },
    })
    if (!response.ok) return setProblem(t('programme.exportFailed'))
    const url = URL.createObjectURL(await response.blob())
    const a = document.createElement('a')
    a.href = url
    a.download = `${(info?.title ?? 'tavolo').replace(/[^\p{L}\p{N}]+/gu, '-')}-programme.xlsx`
    a.click()
    URL.revokeObjectURL(url)
  }
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 bg-white px-6 py-3">
        <div>
          <p className="text-sm font-bold text-indigo-800">Tavolo · {t('programme.label')}</p>
          <h1 className="text-2xl font-semibold">{info?.title ?? t('workshop.loading')}</h1>
          {info?.organisation && <p className="text-sm text-slate-700">{info.organisation}</p>}
        </div>
        <div className="flex items-center gap-2" data-print="hide">
          <button
            type="button"
            onClick={() => void download()}
            className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800"
          >
            {t('programme.export')}
          </button>
          <button
            type="button"
            onClick={() => window.print()}
            className="min-h-9 rounded bg-indigo-700 px-3 text-white"
          >
            {t('outputs.exports.print')}
          </button>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="grid gap-6 p-4 md:p-6">
        {problem && (
          <p role="alert" className="text-red-800">
            {problem}
          </p>
        )}
        {error !== null && !problem && (
          <p role="status" className="text-amber-900">
            {t('programme.stale')}
          </p>
        )}
        {info?.role === 'facilitator' && (
          <ProgrammeGroupsAdmin
            info={info}
            onChange={() => {
              setVersion((n) => n + 1)
              refresh()
            }}
          />
        )}
        {data && (
          <>
            <GroupsOverview groups={data.groups} />
            <ProgrammeTables dashboard={data} />
          </>
        )}
      </main>
    </div>
  )
}
