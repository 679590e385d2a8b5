import { resultsWithheld } from '../../../shared/domain/anonymity.ts'
import { useTranslation } from '../i18n/translation.tsx'

/**
 * Where an anonymous round's results would be: while it is open, from how many answers they
 * will appear; once closed with too few, why there are none.
 */
export function WithheldNote({
  closed,
  answered,
  minimumAnswers,
}: {
  closed: boolean
  answered: number
  minimumAnswers: number
}) {
  const { t } = useTranslation()
  if (minimumAnswers <= 1) return null
  const withheld = closed && resultsWithheld(answered, minimumAnswers)
  if (closed && !withheld) return null
  return (
    <p
      className={withheld ? 'rounded bg-amber-50 px-2 py-1 text-amber-950' : 'text-sm text-slate-700'}
      data-testid="results-withheld"
    >
      {withheld
        ? t('anonymity.withheld', { count: minimumAnswers, answered })
        : t('anonymity.from', { count: minimumAnswers })}
    </p>
  )
}
