import type { Attention } from '../../../../shared/domain/follow-up/attention.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { FollowUpBoard } from './board.ts'
import { useDayFormat } from './dates.ts'

/** What needs attention today, computed live: the agenda of the next follow-up review. */
export function AttentionList({ board }: { board: FollowUpBoard }) {
  const { t } = useTranslation()
  const day = useDayFormat()
  const titleOf = (entryId: string) => board.entries.find((e) => e.id === entryId)?.title ?? ''
  const kpiName = (kpiId: string) =>
    board.kpis.find((k) => k.id === kpiId)?.name || t('meeting4.kpis.unnamed')
  const text = (item: Attention) => {
    switch (item.kind) {
      case 'late':
        return t('followup.attention.late', { title: titleOf(item.actionId), count: item.daysLate })
      case 'stale':
        return item.daysSinceUpdate === null
          ? t('followup.attention.neverUpdated', { title: titleOf(item.actionId) })
          : t('followup.attention.stale', { title: titleOf(item.actionId), count: item.daysSinceUpdate })
      case 'kpi-overdue':
        return item.daysSinceReading === null
          ? t('followup.attention.neverRead', { kpi: kpiName(item.kpiId) })
          : t('followup.attention.overdue', { kpi: kpiName(item.kpiId), count: item.daysSinceReading })
      case 'kpi-wrong-way':
        return t('followup.attention.wrongWay', { kpi: kpiName(item.kpiId) })
      case 'quick-win-unmeasured':
        return t('followup.attention.unmeasured', { title: titleOf(item.actionId), date: day(item.doneOn) })
    }
  }
  return (
    <section
      aria-labelledby="attention-heading"
      className="grid gap-2 rounded-lg border border-amber-300 bg-amber-50 p-4"
      data-testid="attention"
    >
      <h3 id="attention-heading" className="text-xl font-semibold">
        {t('followup.attention.heading', { count: board.attention.length })}
      </h3>
      {board.attention.length === 0 ? (
        <p>{t('followup.attention.none')}</p>
      ) : (
        <ul className="grid list-disc gap-1 pl-6">
          {board.attention.map((item) => (
            <li key={`${item.kind}:${'actionId' in item ? item.actionId : item.kpiId}`}>{text(item)}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
