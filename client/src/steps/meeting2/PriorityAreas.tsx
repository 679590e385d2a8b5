import { priorityScore } from '../../../../shared/domain/materiality.ts'
import { setPriorities } from '../../../../shared/schema/control.ts'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting2Board } from './board.ts'

/**
 * The matrix suggests, the facilitator decides: the confirmed priority areas become the RACI's
 * rows and the areas of meeting 3's action cards.
 */
export function PriorityAreas({ board }: { board: Meeting2Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const facilitator = session.role === 'facilitator'
  const { suggestion, priorities } = board
  const save = (ids: string[]) => setPriorities(session.control, ids)
  const move = (from: number, to: number) => {
    const next = [...priorities]
    const [id] = next.splice(from, 1)
    if (id) next.splice(to, 0, id)
    save(next)
  }
  const sameAsSuggestion =
    suggestion.ids.length === priorities.length && suggestion.ids.every((id, i) => priorities[i] === id)
  return (
    <section
      aria-labelledby="priorities-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="priorities-heading" className="text-lg font-semibold">
        {t('meeting2.priorities.heading')}
      </h3>
      <div>
        <h4 className="text-sm font-semibold">{t('meeting2.priorities.suggested')}</h4>
        {suggestion.ids.length === 0 ? (
          <p className="text-sm text-slate-700">{t('meeting2.priorities.noneSuggested')}</p>
        ) : (
          <ul className="pl-1 text-sm" data-testid="suggested-priorities">
            {suggestion.ids.map((id) => {
              const point = board.positions[id]
              return (
                <li key={id}>
                  <span className="font-semibold">{board.numberOf(id)}</span> {board.titleOf(id)} (
                  {t('meeting2.priorities.score', { score: point ? priorityScore(point) : 0 })})
                </li>
              )
            })}
          </ul>
        )}
        {suggestion.tiedAtCut && <p className="text-sm text-amber-900">{t('meeting2.priorities.tied')}</p>}
        <p className="text-xs text-slate-600">{t('meeting2.priorities.rule')}</p>
        {facilitator && suggestion.ids.length > 0 && !sameAsSuggestion && (
          <button
            type="button"
            onClick={() => save(suggestion.ids)}
            className="mt-2 min-h-9 rounded bg-emerald-700 px-3 font-medium text-white"
          >
            {t('meeting2.priorities.confirm')}
          </button>
        )}
      </div>
      <div>
        <h4 className="text-sm font-semibold">{t('meeting2.priorities.confirmed')}</h4>
        {priorities.length === 0 ? (
          <p className="text-sm text-slate-700">
            {facilitator ? t('meeting2.priorities.noneYetFacilitator') : t('meeting2.priorities.noneYet')}
          </p>
        ) : (
          <ol className="grid gap-1" data-testid="confirmed-priorities">
            {priorities.map((id, i) => (
              <li key={id} className="flex flex-wrap items-center gap-2 rounded bg-emerald-50 px-2 py-1">
                <span className="font-semibold">
                  {/* The same mark as the card's dot on the matrix: ★ and its number. */}★
                  {board.numberOf(id)} {board.titleOf(id)}
                </span>
                {facilitator && (
                  <span className="ml-auto flex gap-1">
                    <button
                      type="button"
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      aria-label={t('meeting2.priorities.up', { title: board.titleOf(id) })}
                      className="min-h-8 min-w-8 rounded border border-slate-400 disabled:opacity-40"
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={i === priorities.length - 1}
                      onClick={() => move(i, i + 1)}
                      aria-label={t('meeting2.priorities.down', { title: board.titleOf(id) })}
                      className="min-h-8 min-w-8 rounded border border-slate-400 disabled:opacity-40"
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      onClick={() => save(priorities.filter((p) => p !== id))}
                      aria-label={t('meeting2.priorities.remove', { title: board.titleOf(id) })}
                      className="min-h-8 rounded border border-red-700 px-2 text-red-800"
                    >
                      {t('meeting2.priorities.removeShort')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
