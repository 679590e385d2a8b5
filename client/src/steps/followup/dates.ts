import { useTranslation } from '../../i18n/translation.tsx'

/** A YYYY-MM-DD day as people read dates in the page's language (31/03/2026, 3/31/2026). */
export function useDayFormat(): (iso: string | null) => string {
  const { i18n } = useTranslation()
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeZone: 'UTC' })
  return (iso) => (iso ? format.format(new Date(`${iso}T00:00:00Z`)) : '')
}
