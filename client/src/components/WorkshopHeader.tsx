import { metaMap, readMeta } from '../../../shared/schema/meta.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useUi } from '../state/ui.ts'
import { ConnectionBadge } from './ConnectionBadge.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PresenceList } from './PresenceList.tsx'
import { UndoRedoButtons } from './UndoRedo.tsx'

/** `minimal` (the survey link on a phone): the title, the connection and the language, nothing else. */
export function WorkshopHeader({ minimal = false }: { minimal?: boolean }) {
  const { t } = useTranslation()
  const session = useSession()
  const meta = useYValue(metaMap(session.content), () => readMeta(session.content))
  const sharePanelOpen = useUi((s) => s.sharePanelOpen)
  const setSharePanelOpen = useUi((s) => s.setSharePanelOpen)
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 bg-white px-4 py-2">
      <a href="/" className="text-xl font-bold text-indigo-800" aria-label={t('header.home')}>
        Tavolo
      </a>
      <div className="min-w-0 flex-1">
        <h1 className="text-lg leading-tight font-semibold break-words" data-testid="workshop-title">
          {meta.title || t('workshop.untitled')}
        </h1>
        <p className="text-sm break-words text-slate-600">
          {meta.organisation}
          {meta.organisation && ' · '}
          <span data-testid="my-role">{t(`role.${session.role}`)}</span>
          {session.keyReadOnly && ` · ${t('header.readOnly')}`}
        </p>
      </div>
      {!minimal && <PresenceList />}
      <ConnectionBadge />
      {!minimal && <UndoRedoButtons />}
      {!minimal && (
        <button
          type="button"
          aria-expanded={sharePanelOpen}
          aria-controls="share-panel"
          onClick={() => setSharePanelOpen(!sharePanelOpen)}
          className="rounded bg-indigo-700 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-800"
        >
          {t('share.button')}
        </button>
      )}
      <LanguageSwitch />
    </header>
  )
}
