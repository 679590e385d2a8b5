import type { i18n as I18n, TFunction } from 'i18next'
import { createContext, type ReactNode, useContext, useMemo } from 'react'
import { useTranslation as useI18nextTranslation } from 'react-i18next'
import { remembering } from './remembering.ts'

type Translation = { t: TFunction; i18n: I18n }

const TranslationContext = createContext<Translation | null>(null)

/** Follows the language once for the whole page; everything below reads it from here. */
export function TranslationProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useI18nextTranslation()
  const value = useMemo(() => ({ t: remembering(t), i18n }), [t, i18n])
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>
}

/**
 * The page's `t` and i18n instance; a change of language re-renders every reader. Used instead
 * of react-i18next's hook, which copies the i18n instance's properties for each component it
 * mounts in and adds a language listener per component: a third of the time to open a board
 * of 300 cards.
 */
export function useTranslation(): Translation {
  const value = useContext(TranslationContext)
  if (!value) throw new Error('useTranslation outside TranslationProvider')
  return value
}
