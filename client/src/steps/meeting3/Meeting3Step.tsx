import { addAction } from '../../../../shared/schema/actions.ts'
import { setDebriefCard } from '../../../../shared/schema/control.ts'
import { useSession } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { ActionCard } from './ActionCard.tsx'
import { BenefitMatrix } from './BenefitMatrix.tsx'
import { type Meeting3Board, UNASSIGNED, useMeeting3Board } from './board.ts'
import { MetricsPanel } from './MetricsPanel.tsx'

/** Meeting 3, Actions: action cards per priority area, the benefit / constraint matrix, the metrics. */
export function Meeting3Step() {
  const { t } = useTranslation()
  const board = useMeeting3Board()
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.meeting3.title')}</h2>
        <p className="text-slate-700">{t('steps.meeting3.purpose')}</p>
      </div>
      <DebriefBar board={board} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <ActionList board={board} />
        <div className="grid content-start gap-6">
          <BenefitMatrix board={board} />
          <MetricsPanel board={board} />
        </div>
      </div>
    </div>
  )
}

function ActionList({ board }: { board: Meeting3Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const groups = [...board.areaIds, UNASSIGNED]
  return (
    <section aria-labelledby="actions-heading" className="grid content-start gap-4">
      <h3 id="actions-heading" className="text-xl font-semibold">
        {t('meeting3.cards.heading')}
      </h3>
      {board.areaIds.length === 0 && <p className="text-slate-700">{t('meeting3.cards.noAreas')}</p>}
      {groups.map((areaId) => {
        const cards = board.actions.filter((a) => board.areaOf(a.areaId) === areaId)
        if (areaId === UNASSIGNED && cards.length === 0 && board.areaIds.length > 0) return null
        return (
          <section
            key={areaId || 'unassigned'}
            aria-label={board.areaName(areaId)}
            className="grid gap-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
            data-testid="action-area"
          >
            <h4 className="font-semibold">
              {areaId === UNASSIGNED ? '' : '★ '}
              {board.areaName(areaId)}
            </h4>
            {cards.map((action) => (
              <ActionCard key={action.id} action={action} board={board} />
            ))}
            {!session.readOnly && (
              <AddItemForm
                label={t('meeting3.cards.add', { area: board.areaName(areaId) })}
                onAdd={(title) => addAction(session.content, areaId || null, title)}
              />
            )}
          </section>
        )
      })}
    </section>
  )
}

/** The facilitator walks everyone through the cards one by one: the same card lit on every screen. */
function DebriefBar({ board }: { board: Meeting3Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const facilitator = session.role === 'facilitator'
  const current = board.debriefCard
  const position = current ? board.actions.findIndex((a) => a.id === current) : -1
  const go = (index: number) => setDebriefCard(session.control, board.actions[index]?.id ?? null)
  if (!facilitator && !current) return null
  return (
    <section
      aria-label={t('meeting3.debrief.label')}
      className={`${current ? 'sticky top-0 z-30' : ''} flex flex-wrap items-center gap-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-3`}
    >
      <p aria-live="polite" className="font-semibold" data-testid="debrief-status">
        {current
          ? t('meeting3.debrief.status', {
              position: position + 1,
              count: board.actions.length,
              title: board.titleOf(current),
            })
          : t('meeting3.debrief.off')}
      </p>
      {facilitator && (
        <div className="ml-auto flex gap-2">
          {current ? (
            <>
              <button
                type="button"
                disabled={position <= 0}
                onClick={() => go(position - 1)}
                className="min-h-9 rounded border border-amber-800 px-3 disabled:opacity-40"
              >
                {t('meeting3.debrief.previous')}
              </button>
              <button
                type="button"
                disabled={position >= board.actions.length - 1}
                onClick={() => go(position + 1)}
                className="min-h-9 rounded bg-amber-700 px-3 font-medium text-white disabled:opacity-40"
              >
                {t('meeting3.debrief.next')}
              </button>
              <button
                type="button"
                onClick={() => setDebriefCard(session.control, null)}
                className="min-h-9 rounded border border-slate-500 px-3"
              >
                {t('meeting3.debrief.end')}
              </button>
            </>
          ) : (
            <button
              type="button"
              disabled={board.actions.length === 0}
              onClick={() => go(0)}
              className="min-h-9 rounded bg-amber-700 px-3 font-medium text-white disabled:opacity-40"
            >
              {t('meeting3.debrief.start')}
            </button>
          )}
        </div>
      )}
    </section>
  )
}
