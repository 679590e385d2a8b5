import { metaMap, readMeta } from '../../../../shared/schema/meta.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { CultureRating } from '../vision/CultureStep.tsx'
import { FactorsRating } from '../vision/FactorsStep.tsx'
import { useRating } from '../vision/RatingPanel.tsx'
import { SurveyStep } from './SurveyStep.tsx'

/**
 * What the survey link for phones shows: the quick survey of an improvement group, or the
 * rating a vision workshop has open (factor scoring or the culture self-assessment), and
 * nothing of the board around it.
 */
export function PhoneSurvey() {
  const { t } = useTranslation()
  const session = useSession()
  const kind = useYValue(metaMap(session.content), () => readMeta(session.content).kind)
  const factors = useRating('factors')
  const culture = useRating('culture')
  if (kind !== 'vision') return <SurveyStep />
  const shown =
    factors?.status === 'open'
      ? 'factors'
      : culture?.status === 'open'
        ? 'culture'
        : factors
          ? 'factors'
          : culture
            ? 'culture'
            : null
  if (shown === 'factors') return <FactorsRating canOpen={false} />
  if (shown === 'culture') return <CultureRating canOpen={false} />
  return <p className="rounded bg-white p-4">{t('vision.rating.noneOpen')}</p>
}
