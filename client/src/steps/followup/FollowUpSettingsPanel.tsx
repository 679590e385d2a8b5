import { isIsoDate } from '../../../../shared/domain/pipeline.ts'
import { STALE_WEEKS, setFollowUpSetting } from '../../../../shared/schema/follow-up.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { FollowUpBoard } from './board.ts'

/** The facilitator's rules of the follow-up: who updates actions, when an action is quiet for too long. */
export function FollowUpSettingsPanel({ board }: { board: FollowUpBoard }) {
  const { t } = useTranslation()
  const session = useSession()
  if (session.role !== 'facilitator') return null
  const doc = session.content
  const { settings } = board
  return (
    <fieldset
      data-print="hide"
      className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <legend className="px-1 font-semibold">{t('followup.settings.heading')}</legend>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={settings.anyoneUpdates}
          onChange={(e) => setFollowUpSetting(doc, 'anyoneUpdates', e.target.checked)}
        />
        {t('followup.settings.anyone')}
      </label>
      <label className="grid gap-1">
        <span>{t('followup.settings.staleWeeks')}</span>
        <input
          type="number"
          min={STALE_WEEKS.min}
          max={STALE_WEEKS.max}
          step={1}
          value={settings.staleWeeks}
          onChange={(e) => {
            const weeks = Number(e.target.value)
            if (Number.isInteger(weeks) && weeks >= STALE_WEEKS.min && weeks <= STALE_WEEKS.max)
              setFollowUpSetting(doc, 'staleWeeks', weeks)
          }}
          className="w-24 rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <label className="grid gap-1">
        <span>{t('followup.settings.since')}</span>
        <input
          type="date"
          value={board.since}
          onChange={(e) => {
            if (isIsoDate(e.target.value)) setFollowUpSetting(doc, 'since', e.target.value)
          }}
          className="rounded border border-slate-300 px-2 py-1"
        />
      </label>
    </fieldset>
  )
}
