import { useState } from 'react'
import { readPipeline } from '../../../../shared/schema/pipeline.ts'
import { recordsOf } from '../../../../shared/schema/records.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { apiErrorOf } from '../../lib/api.ts'
import { useApiErrorText } from '../../lib/api-error-text.ts'

const IMPROVEMENT_FILES = [
  'workshop.xlsx',
  'pipeline.csv',
  'pipeline.ics',
  'kpis.csv',
  'report.md',
  'report.pdf',
  'workshop.json',
]

/**
 * Downloads of what exists now, at any point of the workshop. The key travels in a header,
 * never in a link that could end up in a browser history or a proxy log.
 */
export function ExportButtons({ files = IMPROVEMENT_FILES }: { files?: readonly string[] }) {
  const { t } = useTranslation()
  const { download, error } = useExportDownload()
  return (
    <section
      aria-labelledby="exports-heading"
      className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4"
      data-print="hide"
    >
      <h3 id="exports-heading" className="text-xl font-semibold">
        {t('outputs.exports.heading')}
      </h3>
      <p className="text-sm text-slate-700">{t('outputs.exports.intro')}</p>
      <div className="flex flex-wrap gap-2">
        {files.map((file) => (
          <button
            key={file}
            type="button"
            onClick={() => void download(file)}
            className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800 hover:bg-indigo-50"
          >
            {t(`outputs.exports.files.${file.replace('.', '-')}`)}
          </button>
        ))}
        <button
          type="button"
          onClick={() => window.print()}
          className="min-h-9 rounded bg-indigo-700 px-3 font-medium text-white"
        >
          {t('outputs.exports.print')}
        </button>
      </div>
      {files.includes('pipeline.ics') && <OwnerCalendar download={download} />}
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
    </section>
  )
}

/** One owner's actions as a calendar: "my actions" for whoever carries them. */
function OwnerCalendar({ download }: { download: (file: string, query?: string) => Promise<void> }) {
  const { t } = useTranslation()
  const doc = useSession().content
  const owners = useYValue(recordsOf(doc, 'pipeline'), () =>
    [
      ...new Set(
        readPipeline(doc)
          .map((e) => e.owner.trim())
          .filter(Boolean),
      ),
    ].sort((a, b) => a.localeCompare(b)),
  )
  const [owner, setOwner] = useState('')
  const chosen = owners.includes(owner) ? owner : (owners[0] ?? '')
  if (owners.length === 0) return null
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-1">
        <span>{t('outputs.exports.ownerCalendar.owner')}</span>
        <select
          value={chosen}
          onChange={(e) => setOwner(e.target.value)}
          className="min-h-9 rounded border border-slate-300 bg-white px-1"
        >
          {owners.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => void download('pipeline.ics', `owner=${encodeURIComponent(chosen)}`)}
        className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800 hover:bg-indigo-50"
      >
        {t('outputs.exports.ownerCalendar.download', { owner: chosen })}
      </button>
    </div>
  )
}

/** Downloads an export with the session's key in a header, as a file named by the server. */
function useExportDownload() {
  const { t } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const [error, setError] = useState<string | null>(null)
  const download = async (file: string, query = '') => {
    setError(null)
    try {
      const response = await fetch(
        `/api/workshops/${encodeURIComponent(session.workshopId)}/exports/${file}${query ? `?${query}` : ''}`,
        {
          headers: { authorization: `Bearer ${session.key}` },
        },
      )
      if (!response.ok) throw await apiErrorOf(response)
      const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition') ?? '')?.[1]
      const link = document.createElement('a')
      link.href = URL.createObjectURL(await response.blob())
      link.download = name ? decodeURIComponent(name) : file
      document.body.append(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    } catch (caught) {
      setError(
        t('outputs.exports.failed', {
          reason: errorText(caught),
        }),
      )
    }
  }
  return { download, error }
}
