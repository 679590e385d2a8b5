import { groupMeans, weakestFirst } from '../../../../shared/domain/rating-round.ts'
import { recordsOf, recordText, removeRecord } from '../../../../shared/schema/records.ts'
import { addCultureStatement, readCultureStatements } from '../../../../shared/schema/vision.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { ScrollArea } from '../../components/ScrollArea.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { RadarChart } from './RadarChart.tsx'
import { RatingPanel, useRating } from './RatingPanel.tsx'

/**
 * The customer-centric culture self-assessment: statements in ten areas, which the facilitator
 * can edit before opening; each participant scores each 1-5 alone; the results per area as a
 * radar and per statement as a table, the weakest statements first.
 */
export function CultureStep() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const statements = useYValue(recordsOf(doc, 'cultureStatements'), () => readCultureStatements(doc))
  const rating = useRating('culture')
  // Statements are the facilitator's to edit, and only while the assessment is not running.
  const editable = session.role === 'facilitator' && rating?.status !== 'open'
  const areas = [...new Set(statements.map((s) => s.area))]
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-2xl font-semibold">{t('steps.culture.title')}</h2>
        <p className="text-slate-700">{t('steps.culture.purpose')}</p>
      </div>
      <CultureRating canOpen={statements.length > 0} />
      <section
        aria-labelledby="statements-heading"
        className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h3 id="statements-heading" className="text-xl font-semibold">
          {t('vision.culture.statements')}
        </h3>
        {areas.map((area) => (
          <section key={area} aria-label={area} className="grid gap-1" data-testid="culture-area">
            <h4 className="font-semibold">{area}</h4>
            <ul className="grid gap-1">
              {statements
                .filter((s) => s.area === area)
                .map((statement) => (
                  <li key={statement.id} className="flex items-center gap-1">
                    <CollabText
                      text={recordText(doc, 'cultureStatements', statement.id, 'text')}
                      label={t('vision.culture.statementIn', { area })}
                      readOnly={!editable}
                      className="min-w-0 flex-1 rounded border border-transparent px-1 text-sm hover:border-slate-300"
                    />
                    {editable && (
                      <button
                        type="button"
                        onClick={() => removeRecord(doc, 'cultureStatements', statement.id)}
                        aria-label={t('vision.culture.remove', { text: statement.text })}
                        className="rounded px-1 text-red-800"
                      >
                        ✕
                      </button>
                    )}
                  </li>
                ))}
            </ul>
            {editable && (
              <AddItemForm
                compact
                label={t('vision.culture.new', { area })}
                onAdd={(text) => addCultureStatement(doc, area, text)}
              />
            )}
          </section>
        ))}
      </section>
    </div>
  )
}

/** The culture self-assessment (1-5 per statement) with its results: on the board and on the phone link. */
export function CultureRating({ canOpen }: { canOpen: boolean }) {
  const { t } = useTranslation()
  return (
    <RatingPanel
      purpose="culture"
      canOpen={canOpen}
      axisLabel={() => t('vision.culture.score')}
      results={(r) => {
        const results = r.results ?? []
        const areaOf = (id: string) => r.items.find((i) => i.id === id)?.group ?? ''
        const perArea = groupMeans(results, areaOf, 'score')
        const stats = (id: string) => results.find((x) => x.itemId === id)?.axes.score
        return (
          <div className="grid gap-4">
            <RadarChart
              title={t('vision.culture.radar')}
              labels={perArea.map((a) => a.group)}
              max={5}
              series={[
                { name: t('vision.culture.mean'), colour: '#4338ca', values: perArea.map((a) => a.mean) },
              ]}
            />
            <ScrollArea label={t('vision.culture.weakest')}>
              <table className="w-full text-left text-sm" data-testid="culture-results">
                <caption className="text-left font-semibold">{t('vision.culture.weakest')}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col">{t('vision.culture.statement')}</th>
                    <th scope="col">{t('vision.culture.area')}</th>
                    <th scope="col">{t('vision.culture.mean')}</th>
                    <th scope="col">{t('vision.culture.spread')}</th>
                  </tr>
                </thead>
                <tbody>
                  {weakestFirst(results, 'score').map((id) => (
                    <tr key={id} className="border-b border-slate-100" data-testid="culture-result">
                      <th scope="row" className="font-normal">
                        {r.items.find((i) => i.id === id)?.title}
                      </th>
                      <td>{areaOf(id)}</td>
                      <td>{stats(id)?.mean}</td>
                      <td>{stats(id)?.spread}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          </div>
        )
      }}
    />
  )
}
