import { controlMap } from '../../../../shared/schema/control.ts'
import { recordsOf, recordText } from '../../../../shared/schema/records.ts'
import {
  addFactor,
  readChosenFactors,
  readFactors,
  removeFactor,
  setChosenFactors,
} from '../../../../shared/schema/vision.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { VoteBadge } from '../../components/VotePanel.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { RadarChart } from './RadarChart.tsx'
import { RatingPanel, useRating } from './RatingPanel.tsx'

/**
 * The distinctiveness factors: the six of the method plus the group's own; dot-voted (the
 * facilitation toolkit's vote), chosen by the facilitator, then scored "today" and "where we
 * want to be" by each participant alone and shown as a radar with both series.
 */
export function FactorsStep() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const factors = useYValue(recordsOf(doc, 'factors'), () => readFactors(doc))
  const chosen = useYValue(controlMap(session.control), () => readChosenFactors(session.control))
  const facilitator = session.role === 'facilitator'
  const readOnly = session.readOnly
  const toggle = (id: string) =>
    setChosenFactors(session.control, chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id])
  // While the scoring is open, a participant's form comes first, not below every factor card.
  const ratingFirst = useRating('factors')?.status === 'open' && session.role === 'participant'
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.factors.title')}</h2>
        <p className="text-slate-700">{t('steps.factors.purpose')}</p>
      </div>
      {ratingFirst && <FactorsRating canOpen={false} />}
      <section
        aria-labelledby="factors-heading"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h3 id="factors-heading" className="text-xl font-semibold">
          {t('vision.factors.heading')}
        </h3>
        <ul className="grid gap-2 md:grid-cols-2 xl:grid-cols-3">
          {factors.map((factor, position) => {
            const isChosen = chosen.includes(factor.id)
            return (
              <li
                key={factor.id}
                className={`grid gap-1 rounded border p-3 ${isChosen ? 'border-emerald-700 bg-emerald-50' : 'border-slate-200'}`}
                data-testid="factor"
                data-factor={factor.name}
              >
                <div className="flex items-center gap-2">
                  {isChosen && <span aria-hidden="true">★</span>}
                  <CollabText
                    text={recordText(doc, 'factors', factor.id, 'name')}
                    label={t('vision.factors.nameOf', { position: position + 1 })}
                    readOnly={readOnly}
                    className="min-w-0 flex-1 rounded border border-transparent px-1 font-semibold hover:border-slate-300"
                  />
                  <VoteBadge itemId={factor.id} />
                </div>
                <CollabText
                  text={recordText(doc, 'factors', factor.id, 'meaning')}
                  label={t('vision.factors.meaning', { name: factor.name })}
                  placeholder={t('vision.factors.meaningPlaceholder')}
                  multiline
                  readOnly={readOnly}
                  className="min-h-10 rounded border border-transparent px-1 text-sm hover:border-slate-300"
                />
                <div className="flex flex-wrap gap-2 text-sm">
                  {facilitator ? (
                    <button
                      type="button"
                      aria-pressed={isChosen}
                      onClick={() => toggle(factor.id)}
                      aria-label={t('vision.factors.choose', { name: factor.name })}
                      className={`rounded border px-2 ${isChosen ? 'border-emerald-800 bg-emerald-700 text-white' : 'border-slate-400'}`}
                    >
                      {isChosen ? `★ ${t('vision.factors.chosen')}` : t('vision.factors.chooseShort')}
                    </button>
                  ) : (
                    isChosen && (
                      <span className="font-medium text-emerald-900">★ {t('vision.factors.chosen')}</span>
                    )
                  )}
                  {factor.custom && !readOnly && (
                    <button
                      type="button"
                      onClick={() => removeFactor(doc, factor.id)}
                      aria-label={t('vision.factors.remove', { name: factor.name })}
                      className="rounded px-1 text-red-800"
                    >
                      ✕
                    </button>
                  )}
                </div>
              </li>
            )
          })}
        </ul>
        {!readOnly && <AddItemForm label={t('vision.factors.new')} onAdd={(name) => addFactor(doc, name)} />}
      </section>
      {!ratingFirst && <FactorsRating canOpen={chosen.length > 0} />}
    </div>
  )
}

/** The factor scoring (today and target, 0-10) with its results: on the board and on the phone link. */
export function FactorsRating({ canOpen }: { canOpen: boolean }) {
  const { t } = useTranslation()
  return (
    <RatingPanel
      purpose="factors"
      canOpen={canOpen}
      axisLabel={(axis) => t(`vision.factors.axes.${axis}`)}
      results={(rating) => {
        const mean = (itemId: string, axis: string) =>
          rating.results?.find((r) => r.itemId === itemId)?.axes[axis]?.mean ?? null
        return (
          <div className="grid gap-3 md:grid-cols-2">
            <RadarChart
              title={t('vision.factors.radar')}
              labels={rating.items.map((i) => i.title)}
              max={rating.max}
              series={[
                {
                  name: t('vision.factors.axes.today'),
                  colour: '#b45309',
                  values: rating.items.map((i) => mean(i.id, 'today')),
                },
                {
                  name: t('vision.factors.axes.target'),
                  colour: '#4338ca',
                  values: rating.items.map((i) => mean(i.id, 'target')),
                },
              ]}
            />
            <table className="text-left text-sm" data-testid="factor-results">
              <caption className="text-left font-semibold">{t('vision.factors.radar')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('vision.factors.name')}</th>
                  <th scope="col">{t('vision.factors.axes.today')}</th>
                  <th scope="col">{t('vision.factors.axes.target')}</th>
                  <th scope="col">{t('vision.factors.gap')}</th>
                </tr>
              </thead>
              <tbody>
                {rating.items.map((item) => {
                  const today = mean(item.id, 'today')
                  const target = mean(item.id, 'target')
                  return (
                    <tr key={item.id} data-testid="factor-result">
                      <th scope="row">{item.title}</th>
                      <td>{today ?? '–'}</td>
                      <td>{target ?? '–'}</td>
                      <td>
                        {today !== null && target !== null ? Math.round((target - today) * 100) / 100 : '–'}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        )
      }}
    />
  )
}
