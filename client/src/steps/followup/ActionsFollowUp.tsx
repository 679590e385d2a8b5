import { type FormEvent, useState } from 'react'
import { mayUpdateAction, sameName } from '../../../../shared/domain/follow-up/progress.ts'
import { type PipelineStatus, STATUSES } from '../../../../shared/domain/pipeline.ts'
import { MAX_NOTE } from '../../../../shared/schema/follow-up.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { ApiError } from '../../lib/api.ts'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { followUpApi, localToday } from '../../lib/follow-up-api.ts'
import { loadIdentity } from '../../lib/local-memory.ts'
import type { FollowedEntry, FollowUpBoard } from './board.ts'
import { useDayFormat } from './dates.ts'

/**
 * Every pipeline action with where it stands; its owner updates it from a laptop, or from the
 * "my actions" link on a phone (`phone`: the page's heading, the person's own actions first).
 */
export function ActionsFollowUp({ board, phone = false }: { board: FollowUpBoard; phone?: boolean }) {
  const { t } = useTranslation()
  const session = useSession()
  const identity = loadIdentity(session.workshopId)
  const name = identity?.name?.trim() || null
  const [mineOnly, setMineOnly] = useState(phone)
  const shown = mineOnly && name ? board.entries.filter((e) => sameName(e.owner, name)) : board.entries
  return (
    <section
      aria-labelledby="followup-actions-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        {phone ? (
          <h2 id="followup-actions-heading" className="text-2xl font-semibold">
            {t('followup.actions.myHeading')}
          </h2>
        ) : (
          <h3 id="followup-actions-heading" className="text-xl font-semibold">
            {t('followup.actions.heading', { count: board.entries.length })}
          </h3>
        )}
        {name && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />
            {t('followup.actions.mineOnly', { name })}
          </label>
        )}
      </div>
      {board.entries.length === 0 && <p className="text-slate-700">{t('followup.actions.none')}</p>}
      {mineOnly && shown.length === 0 && <p className="text-slate-700">{t('followup.actions.noneMine')}</p>}
      <ul className="grid gap-3">
        {shown.map((entry) => (
          <ActionRow key={entry.id} entry={entry} board={board} name={name} token={identity?.token ?? null} />
        ))}
      </ul>
    </section>
  )
}

function ActionRow({
  entry,
  board,
  name,
  token,
}: {
  entry: FollowedEntry
  board: FollowUpBoard
  name: string | null
  token: string | null
}) {
  const { t } = useTranslation()
  const session = useSession()
  const day = useDayFormat()
  const [editing, setEditing] = useState(false)
  const [showHistory, setShowHistory] = useState(false)
  const { progress } = entry
  const canUpdate =
    !session.keyReadOnly &&
    mayUpdateAction({
      role: session.role,
      anyoneUpdates: board.settings.anyoneUpdates,
      owner: entry.owner,
      name,
    })
  const headingId = `followup-${entry.id}`
  return (
    <li
      aria-labelledby={headingId}
      className="grid gap-2 rounded border border-slate-200 p-3"
      data-testid="followup-action"
      data-action={entry.title}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={headingId} className="font-semibold">
          {entry.title}
          {entry.quickWin && (
            <span className="ml-2 rounded bg-emerald-100 px-1 text-sm font-normal text-emerald-900">
              {t('followup.actions.quickWin')}
            </span>
          )}
        </h4>
        <span className="text-sm" data-testid="followup-status">
          {t(`meeting4.status.${progress.status}`)} ·{' '}
          {t('followup.actions.percent', { percent: progress.percent })}
        </span>
      </div>
      <div
        className="h-2 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-label={t('followup.actions.progressOf', { title: entry.title })}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
      >
        <div className="h-full bg-indigo-600" style={{ width: `${progress.percent}%` }} />
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-600">{t('followup.actions.owner')}</dt>
        <dd>{[entry.owner || t('followup.actions.noOwner'), entry.unitName].filter(Boolean).join(' · ')}</dd>
        <dt className="text-slate-600">{t('meeting4.pipeline.waveLabel')}</dt>
        <dd>{entry.waveName}</dd>
        <dt className="text-slate-600">{t('meeting4.pipeline.start')}</dt>
        <dd>{day(entry.start) || '—'}</dd>
        <dt className="text-slate-600">{t('meeting4.pipeline.due')}</dt>
        <dd>{day(entry.due) || '—'}</dd>
      </dl>
      {progress.latest ? (
        <p className="text-sm" data-testid="followup-latest">
          {t('followup.actions.latest', {
            date: day(progress.latest.date),
            by: progress.latest.by ?? t('role.facilitator'),
          })}
          {progress.latest.note && <> {progress.latest.note}</>}
        </p>
      ) : (
        <p className="text-sm text-slate-600">{t('followup.actions.noUpdates')}</p>
      )}
      <div className="flex flex-wrap gap-2" data-print="hide">
        {canUpdate && (
          <button
            type="button"
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
            aria-label={t('followup.actions.update', { title: entry.title })}
            className="min-h-9 rounded bg-indigo-700 px-3 text-white"
          >
            {t('followup.actions.updateShort')}
          </button>
        )}
        {progress.history.length > 0 && (
          <button
            type="button"
            aria-expanded={showHistory}
            onClick={() => setShowHistory(!showHistory)}
            className="min-h-9 rounded border border-slate-400 px-3"
          >
            {t('followup.actions.history', { count: progress.history.length })}
          </button>
        )}
      </div>
      {editing && <UpdateForm entry={entry} token={token} onDone={() => setEditing(false)} />}
      {showHistory && (
        <ol
          className="grid gap-1 border-l-2 border-slate-200 pl-3 text-sm"
          aria-label={t('followup.actions.historyOf', { title: entry.title })}
        >
          {progress.history.map((update) => (
            <li key={update.id}>
              {t('followup.actions.historyLine', {
                date: day(update.date),
                by: update.by ?? t('role.facilitator'),
                status: t(`meeting4.status.${update.status}`),
                percent: update.percent,
              })}
              {update.note && <> {update.note}</>}
            </li>
          ))}
        </ol>
      )}
    </li>
  )
}

function UpdateForm({
  entry,
  token,
  onDone,
}: {
  entry: FollowedEntry
  token: string | null
  onDone: () => void
}) {
  const { t } = useTranslation()
  const session = useSession()
  const [status, setStatus] = useState<PipelineStatus>(entry.progress.status)
  const [percent, setPercent] = useState(entry.progress.percent)
  const [date, setDate] = useState(localToday())
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const errorText = useApiErrorText()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (session.role === 'participant' && !token) return setError(t('survey.noToken'))
    setSending(true)
    setError(null)
    try {
      await followUpApi.addUpdate(session.workshopId, session.key, token, {
        entryId: entry.id,
        status,
        percent,
        note,
        date,
      })
      onDone()
    } catch (failure) {
      setError(
        !(failure instanceof ApiError)
          ? t('followup.actions.offline')
          : failure.status === 403
            ? t('followup.actions.notOwner')
            : failure.status === 423
              ? t('followup.actions.locked')
              : t('followup.actions.refused', { reason: errorText(failure) }),
      )
    } finally {
      setSending(false)
    }
  }
  const field = 'rounded border border-slate-300 px-2 py-1'
  return (
    <form
      onSubmit={submit}
      className="grid gap-2 rounded bg-slate-50 p-3"
      aria-label={t('followup.actions.update', { title: entry.title })}
    >
      <div className="flex flex-wrap gap-3">
        <label className="grid gap-1">
          <span>{t('meeting4.pipeline.status')}</span>
          <select
            value={status}
            onChange={(e) => {
              const next = e.target.value as PipelineStatus
              setStatus(next)
              if (next === 'done') setPercent(100)
            }}
            className={field}
          >
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`meeting4.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-1">
          <span>{t('followup.actions.percentDone')}</span>
          <input
            type="number"
            min={0}
            max={100}
            step={5}
            value={percent}
            onChange={(e) => setPercent(Math.min(100, Math.max(0, Math.round(Number(e.target.value) || 0))))}
            className={`${field} w-24`}
          />
        </label>
        <label className="grid gap-1">
          <span>{t('followup.actions.date')}</span>
          <input
            type="date"
            required
            value={date}
            max={localToday()}
            onChange={(e) => setDate(e.target.value)}
            className={field}
          />
        </label>
      </div>
      <label className="grid gap-1">
        <span>{t('followup.actions.note')}</span>
        <textarea
          value={note}
          maxLength={MAX_NOTE}
          rows={2}
          onChange={(e) => setNote(e.target.value)}
          className={field}
        />
      </label>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={sending}
          className="min-h-9 rounded bg-indigo-700 px-3 text-white disabled:opacity-50"
        >
          {t('followup.actions.save')}
        </button>
        <button type="button" onClick={onDone} className="min-h-9 rounded border border-slate-400 px-3">
          {t('followup.actions.cancel')}
        </button>
      </div>
    </form>
  )
}
