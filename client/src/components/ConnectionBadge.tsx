import { useTranslation } from 'react-i18next'
import { useConnectionState } from '../collab/hooks.ts'

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
