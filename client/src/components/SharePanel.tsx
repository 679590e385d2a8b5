import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../shared/rooms.ts'
import { useSession } from '../collab/hooks.ts'
import { ROLE_ORDER, workshopLink } from '../lib/links.ts'
import { useUi } from '../state/ui.ts'

/**
 * The links to hand out. The facilitator gets all three keys from the server; anyone else
 * can pass on only the link they came with.
 */
export function SharePanel() {
  const { t } = useTranslation()
  const session = useSession()
  const close = useUi((s) => s.setSharePanelOpen)
  const keys = session.shareKeys
  const links: { role: Role | 'survey'; url: string }[] = keys
    ? [
        ...ROLE_ORDER.map((role) => ({ role, url: workshopLink(session.workshopId, keys[role]) })),
        { role: 'survey', url: `${workshopLink(session.workshopId, keys.participant)}&view=survey` },
      ]
    : [{ role: session.role, url: workshopLink(session.workshopId, session.key) }]
  return (
    <section
      id="share-panel"
      aria-labelledby="share-heading"
      className="border-b border-indigo-200 bg-indigo-50 px-4 py-3"
    >
      <div className="mb-2 flex items-center justify-between">
        <h2 id="share-heading" className="font-semibold">
          {t('share.heading')}
        </h2>
        <button type="button" onClick={() => close(false)} className="rounded px-2 hover:bg-indigo-100">
          {t('share.close')}
        </button>
      </div>
      <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-4">
        {links.map(({ role, url }) => (
          <ShareLink key={role} role={role} url={url} />
        ))}
      </ul>
    </section>
  )
}

function ShareLink({ role, url }: { role: Role | 'survey'; url: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  return (
    <li className="rounded border border-indigo-200 bg-white p-2" data-testid={`share-${role}`}>
      <p className="font-medium">{t(`share.${role}Title`)}</p>
      <p className="mb-1 text-sm text-slate-600">{t(`share.${role}Hint`)}</p>
      <div className="flex gap-1">
        <input
          readOnly
          value={url}
          aria-label={t(`share.${role}Title`)}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded border border-slate-300 px-1 text-xs"
        />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true))
          }}
          className="rounded bg-indigo-700 px-2 text-sm text-white"
        >
          {copied ? t('share.copied') : t('share.copy')}
        </button>
      </div>
    </li>
  )
}
