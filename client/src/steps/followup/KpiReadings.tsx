import { type FormEvent, useState } from 'react'
import { type KpiTrack, kpiTrack } from '../../../../shared/domain/follow-up/readings.ts'
import {
  type ParsedReadings,
  parseReadings,
  readDate,
} from '../../../../shared/domain/follow-up/readings-csv.ts'
import { parseNumber } from '../../../../shared/domain/kpis.ts'
import { addKpiReadings, MAX_READING_TEXT, removeKpiReading } from '../../../../shared/schema/follow-up.ts'
import type { Kpi } from '../../../../shared/schema/kpis.ts'
import { useSession } from '../../collab/hooks.ts'
import { CsvSource } from '../../components/CsvSource.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { localToday } from '../../lib/follow-up-api.ts'
import type { FollowUpBoard } from './board.ts'
import { useDayFormat } from './dates.ts'
import { KpiChart } from './KpiChart.tsx'

const STATE_STYLE: Record<KpiTrack['state'], string> = {
  reached: 'bg-emerald-100 text-emerald-900',
  'on-track': 'bg-emerald-50 text-emerald-900',
  'off-track': 'bg-amber-100 text-amber-950',
  'wrong-way': 'bg-red-100 text-red-900',
  'no-readings': 'bg-slate-100 text-slate-800',
  'not-measurable': 'bg-slate-100 text-slate-800',
}

/** Each KPI of meeting 4 with its readings in the field, its chart and whether it is on track. */
export function KpiReadings({ board }: { board: FollowUpBoard }) {
  const { t } = useTranslation()
  return (
    <section
      aria-labelledby="followup-kpis-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="followup-kpis-heading" className="text-xl font-semibold">
        {t('followup.kpi.heading', { count: board.kpis.length })}
      </h3>
      {board.kpis.length === 0 && <p className="text-slate-700">{t('followup.kpi.none')}</p>}
      <ul className="grid gap-4 xl:grid-cols-2">
        {board.kpis.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} board={board} />
        ))}
      </ul>
    </section>
  )
}

function KpiCard({ kpi, board }: { kpi: Kpi; board: FollowUpBoard }) {
  const { t } = useTranslation()
  const session = useSession()
  const day = useDayFormat()
  const readings = board.readings.filter((r) => r.kpiId === kpi.id)
  const track = kpiTrack(kpi, readings, board.language)
  const name = kpi.name || t('meeting4.kpis.unnamed')
  const headingId = `kpi-readings-${kpi.id}`
  const newestFirst = [...track.points].reverse()
  return (
    <li
      aria-labelledby={headingId}
      className="grid gap-2 rounded border border-slate-200 p-3"
      data-testid="followup-kpi"
      data-kpi={name}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={headingId} className="font-semibold">
          {name}
        </h4>
        <span className={`rounded px-2 text-sm ${STATE_STYLE[track.state]}`} data-testid="kpi-state">
          {t(`followup.kpi.state.${track.state}`)}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {t('followup.kpi.frame', {
          baseline: kpi.baseline || '—',
          target: [kpi.target || '—', kpi.unit].filter(Boolean).join(' '),
          direction: t(`meeting4.kpis.direction.${kpi.direction}`),
          frequency: t(`meeting4.kpis.frequency.${kpi.frequency}`),
        })}
      </p>
      <KpiChart name={name} track={track} />
      {track.points.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t('followup.kpi.readingsOf', { name })}</caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col">{t('followup.kpi.date')}</th>
              <th scope="col">{t('followup.kpi.value')}</th>
              <th scope="col">{t('followup.kpi.source')}</th>
              <th scope="col">{t('followup.kpi.note')}</th>
              {!session.readOnly && (
                <th scope="col">
                  <span className="sr-only">{t('followup.kpi.remove')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {newestFirst.map(({ reading }) => (
              <tr key={reading.id} className="border-b border-slate-100" data-testid="kpi-reading">
                <td>{day(reading.date)}</td>
                <td>{reading.value}</td>
                <td>{reading.source}</td>
                <td>{reading.note}</td>
                {!session.readOnly && (
                  <td>
                    <button
                      type="button"
                      onClick={() => removeKpiReading(session.content, reading.id)}
                      aria-label={t('followup.kpi.removeReading', {
                        date: day(reading.date),
                        value: reading.value,
                      })}
                      className="min-h-6 min-w-6 rounded px-2 text-red-800 underline"
                    >
                      {t('followup.kpi.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {track.unreadable.length > 0 && (
        <p className="text-sm text-red-800">
          {t('followup.kpi.unreadable', { count: track.unreadable.length })}
        </p>
      )}
      {!session.readOnly && (
        <div data-print="hide" className="grid gap-2">
          <AddReadingForm kpi={kpi} name={name} language={board.language} />
          <ReadingsImport kpi={kpi} name={name} language={board.language} />
        </div>
      )}
    </li>
  )
}

function AddReadingForm({
  kpi,
  name,
  language,
}: {
  kpi: Kpi
  name: string
  language: FollowUpBoard['language']
}) {
  const { t } = useTranslation()
  const session = useSession()
  const [date, setDate] = useState(localToday())
  const [value, setValue] = useState('')
  const [source, setSource] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (readDate(date) === null) return setProblem(t('followup.kpi.problems.bad-date'))
    if (parseNumber(value, language) === null) return setProblem(t('followup.kpi.problems.not-a-number'))
    addKpiReadings(session.content, kpi.id, [{ date: readDate(date)!, value, source, note: '' }])
    setValue('')
    setProblem(null)
  }
  const field = 'rounded border border-slate-300 px-2 py-1'
  return (
    <form
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-2"
      aria-label={t('followup.kpi.add', { name })}
    >
      <label className="grid gap-1 text-sm">
        <span>{t('followup.kpi.date')}</span>
        <input
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
          className={field}
        />
      </label>
      <label className="grid gap-1 text-sm">
        <span>{t('followup.kpi.value')}</span>
        <input
          required
          value={value}
          maxLength={MAX_READING_TEXT}
          inputMode="decimal"
          onChange={(e) => setValue(e.target.value)}
          className={`${field} w-28`}
        />
      </label>
      <label className="grid gap-1 text-sm">
        <span>{t('followup.kpi.source')}</span>
        <input
          value={source}
          maxLength={MAX_READING_TEXT}
          onChange={(e) => setSource(e.target.value)}
          className={`${field} w-40`}
        />
      </label>
      <button type="submit" className="min-h-9 rounded bg-indigo-700 px-3 text-white">
        {t('followup.kpi.addButton')}
      </button>
      {problem && (
        <p role="alert" className="w-full text-sm text-red-800">
          {problem}
        </p>
      )}
    </form>
  )
}

/** Readings pasted or uploaded as CSV: bad lines are reported by number, nothing is dropped silently. */
function ReadingsImport({
  kpi,
  name,
  language,
}: {
  kpi: Kpi
  name: string
  language: FollowUpBoard['language']
}) {
  const { t } = useTranslation()
  const session = useSession()
  const [open, setOpen] = useState(false)
  const [csv, setCsv] = useState('')
  const [parsed, setParsed] = useState<ParsedReadings | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const importLines = (lines: ParsedReadings['readings']) => {
    addKpiReadings(session.content, kpi.id, lines)
    setMessage(t('followup.import.imported', { count: lines.length }))
    setParsed(null)
    setCsv('')
  }
  if (!open)
    return (
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          className="justify-self-start rounded border border-indigo-700 px-3 py-1 text-sm text-indigo-800"
        >
          {t('followup.import.open', { name })}
        </button>
        {message && (
          <span role="status" className="text-sm text-emerald-900">
            {message}
          </span>
        )}
      </div>
    )
  return (
    <div className="grid gap-2 rounded bg-slate-50 p-3 text-sm">
      <button
        type="button"
        aria-expanded
        onClick={() => setOpen(false)}
        className="justify-self-start rounded border border-indigo-700 px-3 py-1 text-indigo-800"
      >
        {t('followup.import.open', { name })}
      </button>
      <p>{t('followup.import.format')}</p>
      <CsvSource
        csv={csv}
        onEdit={(text) => {
          setCsv(text)
          setParsed(null)
        }}
        onCheck={(text) => setParsed(parseReadings(text, language))}
        labels={{
          paste: t('followup.import.paste'),
          upload: t('followup.import.upload'),
          check: t('followup.import.check'),
        }}
      />
      {parsed && (
        <div role="status" className="grid gap-2" data-testid="readings-report">
          <p>{t('followup.import.valid', { count: parsed.readings.length })}</p>
          {parsed.errors.length > 0 && (
            <>
              <p className="font-medium text-red-800">
                {t('followup.import.invalid', { count: parsed.errors.length })}
              </p>
              <ul className="max-h-40 overflow-auto text-red-800">
                {parsed.errors.map((error) => (
                  <li key={error.line}>
                    {t('followup.import.lineError', {
                      line: error.line,
                      text: error.text,
                      problem: t(`followup.kpi.problems.${error.problem}`),
                    })}
                  </li>
                ))}
              </ul>
            </>
          )}
          {parsed.readings.length > 0 && (
            <button
              type="button"
              onClick={() => importLines(parsed.readings)}
              className="justify-self-start rounded bg-indigo-700 px-3 py-1 text-white"
            >
              {parsed.errors.length > 0
                ? t('followup.import.importValid', { count: parsed.readings.length })
                : t('followup.import.import', { count: parsed.readings.length })}
            </button>
          )}
        </div>
      )}
    </div>
  )
}
