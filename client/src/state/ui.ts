import { create } from 'zustand'
import type { Language } from '../../../shared/i18n-language.ts'
import type { StepId } from '../../../shared/steps.ts'

/** Local UI state only: which step this person is looking at, open panels, chosen language. */
type UiState = {
  step: StepId
  sharePanelOpen: boolean
  /** The language this person picked; null means "the workshop's language". */
  chosenLanguage: Language | null
  /** Cards whose details are open, by record id: survives a card moving to another column. */
  openCards: Record<string, true>
  toggleCard: (id: string) => void
  setStep: (step: StepId) => void
  setSharePanelOpen: (open: boolean) => void
  chooseLanguage: (language: Language) => void
}

const LANGUAGE_KEY = 'tavolo:language'

function storedLanguage(): Language | null {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY)
  return value === 'it' || value === 'en' ? value : null
}

export const useUi = create<UiState>((set) => ({
  step: 'setup',
  sharePanelOpen: false,
  chosenLanguage: storedLanguage(),
  openCards: {},
  toggleCard: (id) =>
    set(({ openCards }) => {
      const { [id]: wasOpen, ...others } = openCards
      return { openCards: wasOpen ? others : { ...others, [id]: true } }
    }),
  setStep: (step) => set({ step }),
  setSharePanelOpen: (sharePanelOpen) => set({ sharePanelOpen }),
  chooseLanguage: (language) => {
    localStorage.setItem(LANGUAGE_KEY, language)
    set({ chosenLanguage: language })
  },
}))
