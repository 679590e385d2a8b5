import { useEffect, useState } from 'react'
import type { StepId } from '../../../../shared/steps.ts'
import { useSession } from '../../collab/hooks.ts'
import { WorkshopSession } from '../../collab/session.ts'
import { SessionContext } from '../../collab/session-context.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { type Version, versionsApi } from '../../lib/versions-api.ts'
import { useUi } from '../../state/ui.ts'
import { StepBoundary } from '../StepBoundary.tsx'
import { StepNav } from '../StepNav.tsx'
import { StepView } from '../StepView.tsx'
import { OutcomeNotice } from './HistoryPanel.tsx'
import { useVersionActions, useVersionTime } from './version-actions.ts'

type Opened = { session: WorkshopSession; version: Version } | { error: string }

const button = 'min-h-8 rounded border px-2 text-sm'

/**
 * A saved version, shown read-only in place of the live board: its documents live only in this
 * browser, so nothing here can reach the others. From here it can be restored or copied.
 */
export function VersionPreview({ versionId }: { versionId: string }) {
  const { t } = useTranslation()
  const live = useSession()
  const errorText = useApiErrorText()
  const close = useUi((s) => s.setPreviewVersion)
  const timeOf = useVersionTime()
  const [opened, setOpened] = useState<Opened | null>(null)
  const [step, setStep] = useState<StepId>('setup')
  const actions = useVersionActions(() => close(null))

  useEffect(() => {
    let created: WorkshopSession | undefined
    let cancelled = false
    versionsApi.open(live.workshopId, live.key, versionId).then(
      ({ version, content, control }) => {
        if (cancelled) return
        created = new WorkshopSession(live.workshopId, live.key, 'viewer', null, { content, control })
        setStep(version.step)
        setOpened({ session: created, version })
      },
      (error: unknown) => !cancelled && setOpened({ error: errorText(error) }),
    )
    return () => {
      cancelled = true
      created?.destroy()
    }
  }, [live, versionId, errorText])

  const back = (
    <button type="button" onClick={() => close(null)} className={`${button} border-slate-500 bg-white`}>
      {t('history.preview.back')}
    </button>
  )
  if (!opened) return <p className="p-6">{t('history.preview.loading')}</p>
  if ('error' in opened) {
    return (
      <div className="p-6">
        <p role="alert" className="mb-2 rounded bg-red-50 px-3 py-2 text-red-800">
          {opened.error}
        </p>
        {back}
      </div>
    )
  }
  const time = timeOf(opened.version)
  return (
    <SessionContext.Provider value={opened.session}>
      <section
        aria-labelledby="version-banner"
        className="flex flex-wrap items-center gap-2 border-b border-amber-300 bg-amber-50 px-4 py-2"
      >
        <h2 id="version-banner" className="font-semibold text-amber-950">
          {t('history.preview.banner', { time })}
          {opened.version.label && ` · “${opened.version.label}”`}
        </h2>
        <div className="ml-auto flex flex-wrap gap-2">
          {back}
          <button
            type="button"
            disabled={actions.busy}
            onClick={() => void actions.restore(opened.version)}
            className={`${button} border-indigo-700 bg-white text-indigo-900`}
          >
            {t('history.restoreLabel', { time })}
          </button>
          <button
            type="button"
            disabled={actions.busy}
            onClick={() => void actions.copy(opened.version)}
            className={`${button} border-slate-500 bg-white`}
          >
            {t('history.copy')}
          </button>
        </div>
        <div className="basis-full">
          <OutcomeNotice outcome={actions.outcome} />
        </div>
      </section>
      <StepNav shown={step} onChoose={setStep} />
      <main id="main" className="flex-1 p-4 md:p-6" data-testid="version-preview">
        <StepBoundary key={step}>
          <StepView step={step} />
        </StepBoundary>
      </main>
    </SessionContext.Provider>
  )
}
