import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import it from './it.json'

/** Italian first (our users are Italian consultants and their clients), English alongside. */
export function initI18n(language: 'it' | 'en') {
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng
  })
  void i18next.use(initReactI18next).init({
    resources: { it: { translation: it }, en: { translation: en } },
    lng: language,
    fallbackLng: 'it',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}

export function browserLanguage(): 'it' | 'en' {
  return navigator.language.toLowerCase().startsWith('en') ? 'en' : 'it'
}
