import { useState } from 'react'
import { markReview } from '../../../../shared/schema/follow-up.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { FollowUpBoard } from './board.ts'
import { useDayFormat } from './dates.ts'

/**
 * What changed since the last review (a dated mark the facilitator sets): statuses, KPI
 * states, the updates and the readings. Printed, it is the review's report.
 */
export function ReviewPanel({ board }: { board: FollowUpBoard }) {
  const { t } = useTranslation()
  const session = useSession()
  const day = useDayFormat()
  const [note, setNote] = useState('')
  const { changes } = board
  const titleOf = (entryId: string) => board.entries.find((e) => e.id === entryId)?.title ?? ''
  const kpiName = (kpiId: string) =>
    board.kpis.find((k) => k.id === kpiId)?.name || t('meeting4.kpis.unnamed')
  const status = (s: string) => t(`meeting4.status.${s}`)
  const state = (s: string) => t(`followup.kpi.state.${s}`)
  const nothing =
    changes.statuses.length + changes.kpis.length + changes.updates.length + changes.readings.length === 0
  return (
    <section
      aria-labelledby="review-heading"
      className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="review"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="review-heading" className="text-xl font-semibold">
          {changes.since
            ? t('followup.review.headingSince', { date: day(changes.since.date) })
            : t('followup.review.headingStart')}
        </h3>
        {session.role === 'facilitator' && (
          <button
            type="button"
            data-print="hide"
            onClick={() => {
              markReview(session.content, board.today)
              setNote(t('followup.review.marked', { date: day(board.today) }))
            }}
            className="min-h-9 rounded border border-indigo-700 px-3 text-indigo-800"
          >
            {t('followup.review.mark')}
          </button>
        )}
      </div>
      <p role="status" className="text-sm text-emerald-900 empty:hidden" data-print="hide">
        {note}
      </p>
      {board.reviews.length > 0 && (
        <p className="text-sm text-slate-700">
          {t('followup.review.past', {
            count: board.reviews.length,
            dates: board.reviews.map((r) => day(r.date)).join(', '),
          })}
        </p>
      )}
      {nothing && <p>{t('followup.review.nothing')}</p>}
      {changes.statuses.length > 0 && (
        <>
          <h4 className="font-medium">{t('followup.review.statuses')}</h4>
          <ul className="list-disc pl-6" data-testid="review-statuses">
            {changes.statuses.map((c) => (
              <li key={c.entryId}>
                {t('followup.review.status', {
                  title: titleOf(c.entryId),
                  from: status(c.from),
                  to: status(c.to),
                })}
              </li>
            ))}
          </ul>
        </>
      )}
      {changes.kpis.length > 0 && (
        <>
          <h4 className="font-medium">{t('followup.review.kpis')}</h4>
          <ul className="list-disc pl-6" data-testid="review-kpis">
            {changes.kpis.map((c) => (
              <li key={c.kpiId}>
                {t('followup.review.kpi', { name: kpiName(c.kpiId), from: state(c.from), to: state(c.to) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {changes.updates.length > 0 && (
        <>
          <h4 className="font-medium">{t('followup.review.updates', { count: changes.updates.length })}</h4>
          <ul className="list-disc pl-6" data-testid="review-updates">
            {changes.updates.map((u) => (
              <li key={u.id}>
                {t('followup.review.update', {
                  title: titleOf(u.entryId),
                  date: day(u.date),
                  by: u.by ?? t('role.facilitator'),
                  status: status(u.status),
                  percent: u.percent,
                })}
                {u.note && <> {u.note}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {changes.readings.length > 0 && (
        <>
          <h4 className="font-medium">{t('followup.review.readings', { count: changes.readings.length })}</h4>
          <ul className="list-disc pl-6" data-testid="review-readings">
            {changes.readings.map((r) => (
              <li key={r.id}>
                {t('followup.review.reading', { name: kpiName(r.kpiId), value: r.value, date: day(r.date) })}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
