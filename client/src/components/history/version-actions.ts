import { useCallback, useState } from 'react'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { workshopPath } from '../../lib/links.ts'
import { loadIdentity, rememberWorkshop, saveIdentity } from '../../lib/local-memory.ts'
import { type Version, versionsApi } from '../../lib/versions-api.ts'

/** When a version was saved, in the reader's language (date and time). */
export function useVersionTime() {
  const { i18n } = useTranslation()
  return useCallback(
    (version: Pick<Version, 'createdAt'>) =>
      new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(
        version.createdAt,
      ),
    [i18n.language],
  )
}

export type VersionOutcome =
  | { kind: 'restored'; text: string }
  | { kind: 'copied'; text: string; href: string }
  | { kind: 'failed'; text: string }

/**
 * Restoring a version and copying it as a new workshop, shared by the history list and the
 * read-only view of a version. The outcome is a sentence for a live region.
 */
export function useVersionActions(onRestored: () => void = () => {}) {
  const { t } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const timeOf = useVersionTime()
  const [outcome, setOutcome] = useState<VersionOutcome | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(action: () => Promise<VersionOutcome>) {
    setBusy(true)
    try {
      setOutcome(await action())
    } catch (error) {
      setOutcome({ kind: 'failed', text: t('history.failed', { why: errorText(error) }) })
    } finally {
      setBusy(false)
    }
  }

  const restore = (version: Version) =>
    run(async () => {
      await versionsApi.restore(session.workshopId, session.key, version.id)
      onRestored()
      return { kind: 'restored', text: t('history.restored', { time: timeOf(version) }) }
    })

  const copy = (version: Version) =>
    run(async () => {
      const created = await versionsApi.copy(session.workshopId, session.key, version.id)
      rememberWorkshop({
        id: created.id,
        title: created.title,
        role: 'facilitator',
        key: created.keys.facilitator,
      })
      // The copy is the same facilitator's: they are not asked who they are again.
      const me = loadIdentity(session.workshopId)
      if (me) saveIdentity(created.id, { ...me, token: null })
      return {
        kind: 'copied',
        text: t('history.copied', { time: timeOf(version) }),
        href: workshopPath(created.id, created.keys.facilitator),
      }
    })

  return { restore, copy, outcome, busy }
}
