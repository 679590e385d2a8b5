import { useState } from 'react'
import type { Role } from '../../../shared/rooms.ts'
import { useSession } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { type Keys, replaceKeys } from '../lib/api.ts'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { workshopLink } from '../lib/links.ts'
import { useUi } from '../state/ui.ts'

type Shared = 'participant' | 'viewer'
type LinkKind = Role | 'survey' | 'actions'

/**
 * The links to hand out. The facilitator gets all the keys from the server, sees their own link
 * only on request (the panel is often on a projector) and can replace the participant and
 * viewer links; anyone else can pass on only the link they came with.
 */
export function SharePanel() {
  const { t } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const close = useUi((s) => s.setSharePanelOpen)
  const [keys, setKeys] = useState<Keys | null>(session.shareKeys)
  const [showOwn, setShowOwn] = useState(false)
  const [status, setStatus] = useState('')
  const linkOf = (kind: LinkKind, all: Keys) =>
    kind === 'survey' || kind === 'actions'
      ? `${workshopLink(session.workshopId, all.participant)}&view=${kind}`
      : workshopLink(session.workshopId, all[kind])

  async function replace(role: Shared) {
    try {
      const { keys: next } = await replaceKeys(session.workshopId, session.key, [role])
      session.shareKeys = next
      setKeys(next)
      setStatus(t('share.replaced'))
    } catch (error) {
      setStatus(t('share.replaceFailed', { why: errorText(error) }))
    }
  }

  return (
    <section
      id="share-panel"
      aria-labelledby="share-heading"
      className="border-b border-indigo-200 bg-indigo-50 px-4 py-3"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="share-heading" className="font-semibold">
          {t('share.heading')}
        </h2>
        <div className="flex gap-2">
          {keys && (
            <button
              type="button"
              aria-expanded={showOwn}
              aria-controls="share-own-link"
              onClick={() => setShowOwn(!showOwn)}
              className="rounded border border-indigo-300 px-2 text-sm hover:bg-indigo-100"
            >
              {showOwn ? t('share.hideOwn') : t('share.showOwn')}
            </button>
          )}
          <button type="button" onClick={() => close(false)} className="rounded px-2 hover:bg-indigo-100">
            {t('share.close')}
          </button>
        </div>
      </div>
      <p role="status" className="mb-2 text-sm empty:hidden">
        {status}
      </p>
      <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-4">
        {keys ? (
          <>
            {showOwn && (
              <ShareLink kind="facilitator" url={linkOf('facilitator', keys)} id="share-own-link" />
            )}
            <ShareLink
              kind="participant"
              url={linkOf('participant', keys)}
              onReplace={() => replace('participant')}
            />
            <ShareLink kind="viewer" url={linkOf('viewer', keys)} onReplace={() => replace('viewer')} />
            <ShareLink kind="survey" url={linkOf('survey', keys)} />
            <ShareLink kind="actions" url={linkOf('actions', keys)} />
          </>
        ) : (
          <ShareLink kind={session.role} url={workshopLink(session.workshopId, session.key)} />
        )}
      </ul>
    </section>
  )
}

function ShareLink({
  kind,
  url,
  id,
  onReplace,
}: {
  kind: LinkKind
  url: string
  id?: string
  onReplace?: () => Promise<void>
}) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const explanationId = `share-${kind}-replace-explain`
  return (
    <li id={id} className="rounded border border-indigo-200 bg-white p-2" data-testid={`share-${kind}`}>
      <p className="font-medium">{t(`share.${kind}Title`)}</p>
      <p className="mb-1 text-sm text-slate-600">{t(`share.${kind}Hint`)}</p>
      <div className="flex gap-1">
        <input
          readOnly
          value={url}
          aria-label={t(`share.${kind}Title`)}
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
      {onReplace &&
        (confirming ? (
          <div className="mt-2 text-sm">
            <p id={explanationId} className="mb-1 text-slate-700">
              {t('share.replaceExplain')}
            </p>
            <div className="flex gap-2">
              <button
                type="button"
                aria-describedby={explanationId}
                onClick={() => {
                  setConfirming(false)
                  setCopied(false)
                  void onReplace()
                }}
                className="rounded bg-red-700 px-2 py-0.5 text-white"
              >
                {t('share.replaceConfirm')}
              </button>
              <button
                type="button"
                onClick={() => setConfirming(false)}
                className="rounded px-2 hover:bg-slate-100"
              >
                {t('share.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="mt-2 text-sm text-indigo-800 underline"
            aria-label={`${t('share.replace')}: ${t(`share.${kind}Title`)}`}
          >
            {t('share.replace')}
          </button>
        ))}
    </li>
  )
}
