import { buildTimeline } from '../../../../shared/domain/pipeline.ts'
import { ScrollArea } from '../../components/ScrollArea.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting4Board } from './board.ts'

const STATUS_BAR: Record<string, string> = {
  planned: 'bg-indigo-600',
  'in-progress': 'bg-sky-700',
  done: 'bg-emerald-700',
  dropped: 'bg-slate-500',
}

/** The pipeline over weeks: one bar per action from its start to its due date. */
export function Timeline({ board }: { board: Meeting4Board }) {
  const { t, i18n } = useTranslation()
  const timeline = buildTimeline(board.pipeline)
  const day = new Intl.DateTimeFormat(i18n.language, { day: '2-digit', month: '2-digit', timeZone: 'UTC' })
  if (timeline.weeks.length === 0) return <p className="text-slate-700">{t('meeting4.timeline.noDates')}</p>
  const weeks = timeline.weeks.length
  return (
    <ScrollArea label={t('meeting4.timeline.label')}>
      <table className="min-w-max table-fixed border-collapse text-xs">
        <caption className="sr-only">{t('meeting4.timeline.label')}</caption>
        <thead>
          <tr>
            <th scope="col" className="w-56 text-left font-semibold">
              {t('meeting4.timeline.action')}
            </th>
            {timeline.weeks.map((week) => (
              <th
                key={week}
                scope="col"
                className="w-10 border-l border-slate-200 px-0.5 font-normal text-slate-600"
              >
                {day.format(new Date(`${week}T00:00:00Z`))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {timeline.bars.map((bar) => {
            const entry = board.pipeline.find((e) => e.id === bar.id)!
            const status = t(`meeting4.status.${entry.status}`)
            return (
              <tr key={bar.id} data-testid="timeline-row">
                <th
                  scope="row"
                  title={board.titleOf(entry.actionId)}
                  className="max-w-56 truncate py-0.5 pr-2 text-left text-sm font-normal"
                >
                  {board.titleOf(entry.actionId)}
                </th>
                {bar.fromWeek > 0 && <td colSpan={bar.fromWeek} />}
                <td colSpan={bar.weeks} className="py-0.5" data-testid="timeline-bar" data-weeks={bar.weeks}>
                  <span
                    className={`block h-6 truncate rounded px-1 leading-6 text-white ${STATUS_BAR[entry.status]}`}
                    title={`${entry.start ?? '…'} → ${entry.due ?? '…'}`}
                  >
                    {status}
                    <span className="sr-only">
                      ,{' '}
                      {t('meeting4.timeline.bar', {
                        start: entry.start ?? '–',
                        due: entry.due ?? '–',
                        status,
                      })}
                    </span>
                  </span>
                </td>
                {weeks - bar.fromWeek - bar.weeks > 0 && <td colSpan={weeks - bar.fromWeek - bar.weeks} />}
              </tr>
            )
          })}
        </tbody>
      </table>
      {timeline.undated.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          {t('meeting4.timeline.undated', {
            names: timeline.undated
              .map((id) => board.titleOf(board.pipeline.find((e) => e.id === id)?.actionId ?? ''))
              .join(', '),
          })}
        </p>
      )}
    </ScrollArea>
  )
}
