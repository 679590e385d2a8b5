import { type FormEvent, useCallback, useEffect, useState } from 'react'
import { controlMap, readControl } from '../../../../shared/schema/control.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { type Version, versionsApi } from '../../lib/versions-api.ts'
import { useUi } from '../../state/ui.ts'
import { useVersionActions, useVersionTime, type VersionOutcome } from './version-actions.ts'

const button = 'min-h-8 rounded border px-2 text-sm'

/**
 * The facilitator's history: save a version on demand, see every version with what changed,
 * open one read-only, restore it for everyone, or copy it as a new workshop.
 */
export function HistoryPanel() {
  const { t } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const setOpen = useUi((s) => s.setHistoryOpen)
  const setPreviewVersion = useUi((s) => s.setPreviewVersion)
  const leaderStep = useYValue(controlMap(session.control), () => readControl(session.control).step)
  const [versions, setVersions] = useState<Version[] | null>(null)
  const [policy, setPolicy] = useState({ intervalMinutes: 10, retentionDays: 30 })
  const [label, setLabel] = useState('')
  const [saveStatus, setSaveStatus] = useState('')
  const [confirming, setConfirming] = useState<string | null>(null)

  const refresh = useCallback(() => {
    versionsApi.list(session.workshopId, session.key).then(
      (answer) => {
        setVersions(answer.versions)
        setPolicy(answer.policy)
      },
      (error: unknown) => setSaveStatus(t('history.failed', { why: errorText(error) })),
    )
  }, [session, t, errorText])
  const actions = useVersionActions(refresh)
  // A step change saves a version on the server: the list follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the facilitator's step is the trigger to fetch again
  useEffect(refresh, [refresh, leaderStep])

  async function save(event: FormEvent) {
    event.preventDefault()
    try {
      await versionsApi.save(session.workshopId, session.key, label.trim())
      setLabel('')
      setSaveStatus(t('history.saved'))
      refresh()
    } catch (error) {
      setSaveStatus(t('history.failed', { why: errorText(error) }))
    }
  }

  return (
    <section
      id="history-panel"
      aria-labelledby="history-heading"
      className="border-b border-slate-300 bg-white px-4 py-3"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="history-heading" className="font-semibold">
          {t('history.heading')}
        </h2>
        <button type="button" onClick={() => setOpen(false)} className={`${button} border-slate-500`}>
          {t('history.close')}
        </button>
      </div>
      <p className="mb-3 max-w-3xl text-sm text-slate-600">
        {t('history.intro', { minutes: policy.intervalMinutes, days: policy.retentionDays })}
      </p>
      <form onSubmit={save} className="mb-3 flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm">
          {t('history.labelField')}
          <input
            value={label}
            maxLength={120}
            placeholder={t('history.labelPlaceholder')}
            onChange={(e) => setLabel(e.target.value)}
            className="min-h-8 rounded border border-slate-400 px-2"
          />
        </label>
        <button
          type="submit"
          className={`${button} border-indigo-700 bg-indigo-700 font-semibold text-white`}
        >
          {t('history.save')}
        </button>
        <span role="status" className="text-sm text-slate-700">
          {saveStatus}
        </span>
      </form>
      <OutcomeNotice outcome={actions.outcome} />
      {versions === null ? (
        <p className="text-sm">{t('history.loading')}</p>
      ) : versions.length === 0 ? (
        <p className="text-sm">{t('history.none')}</p>
      ) : (
        <ol aria-label={t('history.list')} className="max-h-96 divide-y divide-slate-200 overflow-y-auto">
          {versions.map((version) => (
            <VersionRow
              key={version.id}
              version={version}
              confirming={confirming === version.id}
              busy={actions.busy}
              onView={() => setPreviewVersion(version.id)}
              onAskRestore={() => setConfirming(version.id)}
              onCancel={() => setConfirming(null)}
              onRestore={() => {
                setConfirming(null)
                void actions.restore(version)
              }}
              onCopy={() => void actions.copy(version)}
            />
          ))}
        </ol>
      )}
    </section>
  )
}

function VersionRow({
  version,
  confirming,
  busy,
  onView,
  onAskRestore,
  onCancel,
  onRestore,
  onCopy,
}: {
  version: Version
  confirming: boolean
  busy: boolean
  onView: () => void
  onAskRestore: () => void
  onCancel: () => void
  onRestore: () => void
  onCopy: () => void
}) {
  const { t } = useTranslation()
  const time = useVersionTime()(version)
  return (
    <li className="flex flex-wrap items-start justify-between gap-2 py-2" data-testid="version">
      <div className="min-w-0">
        <p className="font-medium">
          <time dateTime={new Date(version.createdAt).toISOString()}>{time}</time> ·{' '}
          {t(`history.reason.${version.reason}`)}
          {version.label && <span className="font-semibold"> · “{version.label}”</span>}
        </p>
        <p className="text-sm text-slate-600">
          {t('history.during', { step: t(`steps.${version.step}.short`) })} ·{' '}
          {version.people.length === 0
            ? t('history.nobody')
            : t('history.people', { count: version.people.length, names: version.people.join(', ') })}
        </p>
        <p className="text-sm text-slate-800" data-testid="version-changes">
          <ChangeSummary changes={version.changes} />
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          onClick={onView}
          aria-label={t('history.viewLabel', { time })}
          className={`${button} border-slate-500`}
        >
          {t('history.view')}
        </button>
        {confirming ? (
          <fieldset className="flex flex-wrap items-center gap-2">
            <legend className="sr-only">{t('history.restoreLabel', { time })}</legend>
            <span className="text-sm">{t('history.confirmRestore', { time })}</span>
            <button
              type="button"
              disabled={busy}
              onClick={onRestore}
              className={`${button} border-red-700 bg-red-700 text-white`}
            >
              {t('history.confirm')}
            </button>
            <button type="button" onClick={onCancel} className={`${button} border-slate-500`}>
              {t('history.cancel')}
            </button>
          </fieldset>
        ) : (
          <button
            type="button"
            onClick={onAskRestore}
            aria-label={t('history.restoreLabel', { time })}
            className={`${button} border-indigo-700 text-indigo-900`}
          >
            {t('history.restore')}
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          onClick={onCopy}
          aria-label={t('history.copyLabel', { time })}
          className={`${button} border-slate-500`}
        >
          {t('history.copy')}
        </button>
      </div>
    </li>
  )
}

/** "+3 cards on the map, −1 action card", or that nothing was added or removed. */
export function ChangeSummary({ changes }: { changes: Record<string, number> }) {
  const { t } = useTranslation()
  const parts = Object.entries(changes).map(([collection, delta]) =>
    t(`history.collections.${collection}`, { count: Math.abs(delta), sign: delta > 0 ? '+' : '−' }),
  )
  return <>{parts.length > 0 ? parts.join(', ') : t('history.noChanges')}</>
}

export function OutcomeNotice({ outcome }: { outcome: VersionOutcome | null }) {
  const { t } = useTranslation()
  return (
    <p role="status" className="mb-2 text-sm" data-testid="version-outcome">
      {outcome?.text}
      {outcome?.kind === 'copied' && (
        <a href={outcome.href} className="font-semibold text-indigo-800 underline">
          {t('history.openCopy')}
        </a>
      )}
    </p>
  )
}
