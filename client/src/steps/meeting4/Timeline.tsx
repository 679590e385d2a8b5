import { useTranslation } from 'react-i18next'
import { buildTimeline } from '../../../../shared/domain/pipeline.ts'
import type { Meeting4Board } from './board.ts'

const STATUS_BAR: Record<string, string> = {
  planned: 'bg-indigo-500',
  'in-progress': 'bg-sky-600',
  done: 'bg-emerald-600',
  dropped: 'bg-slate-400 line-through',
}

/** The pipeline over weeks: one bar per action from its start to its due date. */
export function Timeline({ board }: { board: Meeting4Board }) {
  const { t, i18n } = useTranslation()
  const timeline = buildTimeline(board.pipeline)
  const day = new Intl.DateTimeFormat(i18n.language, { day: '2-digit', month: '2-digit' })
  if (timeline.weeks.length === 0) return <p className="text-slate-700">{t('meeting4.timeline.noDates')}</p>
  const columns = `minmax(10rem, 14rem) repeat(${timeline.weeks.length}, minmax(2.25rem, 1fr))`
  return (
    <div className="overflow-x-auto" data-testid="timeline">
      <div
        role="table"
        aria-label={t('meeting4.timeline.label')}
        className="grid min-w-max gap-y-1 text-xs"
        style={{ gridTemplateColumns: columns }}
      >
        <div role="row" className="contents">
          <span role="columnheader" className="font-semibold">
            {t('meeting4.timeline.action')}
          </span>
          {timeline.weeks.map((week) => (
            <span key={week} role="columnheader" className="border-l border-slate-200 px-0.5 text-slate-600">
              {day.format(new Date(`${week}T00:00:00Z`))}
            </span>
          ))}
        </div>
        {timeline.bars.map((bar) => {
          const entry = board.pipeline.find((e) => e.id === bar.id)!
          const title = board.titleOf(entry.actionId)
          return (
            <div role="row" key={bar.id} className="contents" data-testid="timeline-row">
              <span role="rowheader" className="truncate pr-2 text-sm">
                {title}
              </span>
              <span
                role="cell"
                className={`h-6 rounded text-white ${STATUS_BAR[entry.status]}`}
                style={{ gridColumn: `${bar.fromWeek + 2} / span ${bar.weeks}` }}
                data-testid="timeline-bar"
                data-weeks={bar.weeks}
                title={`${entry.start ?? '…'} → ${entry.due ?? '…'}`}
              >
                <span className="sr-only">
                  {t('meeting4.timeline.bar', {
                    start: entry.start ?? '–',
                    due: entry.due ?? '–',
                    status: t(`meeting4.status.${entry.status}`),
                  })}
                </span>
              </span>
            </div>
          )
        })}
      </div>
      {timeline.undated.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          {t('meeting4.timeline.undated', {
            names: timeline.undated
              .map((id) => board.titleOf(board.pipeline.find((e) => e.id === id)!.actionId))
              .join(', '),
          })}
        </p>
      )}
    </div>
  )
}
