import { useEffect, useState, useSyncExternalStore } from 'react'
import { useSession } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'

const SHOWN_MS = 8000

/** Says why the server undid this person's last change, for a few seconds. */
export function RefusalNotice() {
  const { t } = useTranslation()
  const session = useSession()
  const refusal = useSyncExternalStore(session.subscribe, () => session.refusal)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (!refusal) return
    setNow(Date.now())
    const timer = setTimeout(() => setNow(Date.now()), SHOWN_MS)
    return () => clearTimeout(timer)
  }, [refusal])
  const shown = refusal && now - refusal.at < SHOWN_MS ? refusal : null
  const text = (reason: string) => {
    const [rule, detail = ''] = reason.split(':')
    if (rule === 'locked') return t('refusal.locked', { step: t(`steps.${detail}.title`) })
    if (rule === 'frozen') return t('refusal.frozen')
    if (rule === 'facilitator-only')
      return detail.startsWith('follow-up')
        ? t('refusal.facilitatorOnlySettings')
        : t('refusal.facilitatorOnly')
    if (rule === 'server-only') return t('refusal.serverOnly')
    return t('refusal.shape')
  }
  return (
    <div role="status" aria-live="polite" className="empty:hidden" data-testid="write-refused">
      {shown && (
        <p className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-amber-950">
          {[...new Set(shown.reasons.map(text))].join(' ')}
        </p>
      )}
    </div>
  )
}
