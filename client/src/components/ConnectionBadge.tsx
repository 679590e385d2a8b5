import { useConnectionState } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'

const STYLE = {
  connected: 'bg-emerald-100 text-emerald-900',
  syncing: 'bg-amber-100 text-amber-900',
  offline: 'bg-red-100 text-red-900',
} as const

/** Says truthfully whether edits are reaching the others right now. */
export function ConnectionBadge() {
  const { t } = useTranslation()
  const state = useConnectionState()
  return (
    <output
      aria-live="polite"
      data-state={state}
      title={t(`connection.${state}Hint`)}
      className={`rounded-full px-3 py-1 text-sm font-medium ${STYLE[state]}`}
    >
      {t(`connection.${state}`)}
    </output>
  )
}

/**
 * Offline, said wherever one is on the page (the header with the badge scrolls away). The
 * badge already announced it to screen readers, so this one is for the eyes only.
 */
export function OfflineBanner() {
  const { t } = useTranslation()
  const state = useConnectionState()
  if (state !== 'offline') return null
  return (
    <p
      aria-hidden="true"
      data-print="hide"
      data-testid="offline-banner"
      className="fixed bottom-3 left-1/2 z-50 max-w-[calc(100vw-1.5rem)] -translate-x-1/2 rounded-full bg-red-800 px-4 py-2 text-center text-sm font-semibold text-white shadow-lg"
    >
      {t('connection.offlineBanner')}
    </p>
  )
}
