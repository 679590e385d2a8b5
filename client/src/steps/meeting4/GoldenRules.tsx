import { addGoldenRule, linkRuleAction, setRuleApproved } from '../../../../shared/schema/golden-rules.ts'
import { moveRecord, recordText, removeRecord } from '../../../../shared/schema/records.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { SortableList } from '../../components/SortableList.tsx'
import { VoteBadge } from '../../components/VotePanel.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useUi } from '../../state/ui.ts'
import type { Meeting4Board } from './board.ts'

/** Short rules for how the organisation treats its customers, each traced to its actions. */
export function GoldenRules({ board }: { board: Meeting4Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const readOnly = session.readOnly
  const openCards = useUi((s) => s.openCards)
  const toggleCard = useUi((s) => s.toggleCard)
  const approved = board.rules.filter((r) => r.approved).length
  return (
    <section
      aria-labelledby="rules-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="rules-heading" className="text-xl font-semibold">
        {t('meeting4.rules.heading')}
      </h3>
      <p className="text-sm text-slate-700" data-testid="rules-approved">
        {t('meeting4.rules.approvedCount', { count: approved, total: board.rules.length })}
      </p>
      <SortableList
        items={board.rules.map((r) => ({ ...r, name: r.text }))}
        disabled={readOnly}
        itemKind={t('meeting4.rules.kind')}
        onMove={(id, position) => moveRecord(doc, 'goldenRules', id, position)}
        renderItem={(rule, handle) => (
          <div
            className="grid gap-2 rounded border border-slate-200 p-2"
            data-testid="golden-rule"
            data-rule={rule.text}
          >
            <div className="flex flex-wrap items-center gap-2">
              {handle}
              <CollabText
                text={recordText(doc, 'goldenRules', rule.id, 'text')}
                label={t('meeting4.rules.text')}
                readOnly={readOnly}
                multiline
                className="min-h-8 min-w-0 flex-1 resize-none rounded border border-transparent px-1 [field-sizing:content] hover:border-slate-300"
              />
              <VoteBadge itemId={rule.id} />
              <label className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={rule.approved}
                  disabled={readOnly}
                  onChange={(e) => setRuleApproved(doc, rule.id, e.target.checked)}
                />
                {rule.approved ? `✓ ${t('meeting4.rules.approved')}` : t('meeting4.rules.approve')}
              </label>
              <button
                type="button"
                aria-expanded={openCards[rule.id] === true}
                onClick={() => toggleCard(rule.id)}
                className="rounded border border-indigo-700 px-2 text-sm text-indigo-800"
                aria-label={t('meeting4.rules.linksOf', { rule: rule.text })}
              >
                {t('meeting4.rules.links', { count: rule.actionIds.length })}
              </button>
              {!readOnly && (
                <button
                  type="button"
                  onClick={() => removeRecord(doc, 'goldenRules', rule.id)}
                  aria-label={t('meeting4.rules.remove', { rule: rule.text })}
                  className="rounded px-1 text-red-800"
                >
                  ✕
                </button>
              )}
            </div>
            {openCards[rule.id] && (
              <fieldset className="grid gap-1 text-sm">
                <legend className="font-medium">{t('meeting4.rules.from')}</legend>
                {board.actions.map((action) => (
                  <label key={action.id} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={rule.actionIds.includes(action.id)}
                      disabled={readOnly}
                      onChange={(e) => linkRuleAction(doc, rule.id, action.id, e.target.checked)}
                    />
                    {board.numberOf(action.id)}. {action.title || t('meeting3.card.untitled')}
                  </label>
                ))}
              </fieldset>
            )}
          </div>
        )}
      />
      {!readOnly && (
        <AddItemForm label={t('meeting4.rules.new')} onAdd={(text) => addGoldenRule(doc, text)} />
      )}
    </section>
  )
}
