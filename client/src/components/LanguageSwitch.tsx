import { LANGUAGES } from '../../../shared/i18n-language.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useUi } from '../state/ui.ts'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const chooseLanguage = useUi((s) => s.chooseLanguage)
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="sr-only">{t('language.label')}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => {
            chooseLanguage(language)
            void i18n.changeLanguage(language)
          }}
          className="rounded px-2 py-1 text-sm font-semibold uppercase aria-pressed:bg-indigo-700 aria-pressed:text-white hover:bg-indigo-100 aria-pressed:hover:bg-indigo-700"
        >
          <span aria-hidden="true">{language}</span>
          <span className="sr-only">{t(`language.${language}`)}</span>
        </button>
      ))}
    </fieldset>
  )
}
