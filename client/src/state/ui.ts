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
  /** A participant follows the facilitator's step until they pick another one. */
  following: boolean
  /** Large text for the projector. */
  presentation: boolean
  /** Others' live cursors on the maps and matrices. */
  showCursors: boolean
  readinessOpen: boolean
  historyOpen: boolean
  /** The saved version shown read-only instead of the live board, if any. */
  previewVersion: string | null
  setHistoryOpen: (open: boolean) => void
  setPreviewVersion: (versionId: string | null) => void
  setFollowing: (following: boolean) => void
  setPresentation: (on: boolean) => void
  setShowCursors: (on: boolean) => void
  setReadinessOpen: (open: boolean) => void
  toggleCard: (id: string) => void
  setStep: (step: StepId) => void
  setSharePanelOpen: (open: boolean) => void
  chooseLanguage: (language: Language) => void
}

const LANGUAGE_KEY = 'tavolo:language'
const PRESENTATION_KEY = 'tavolo:presentation'
const CURSORS_KEY = 'tavolo:cursors'

function storedFlag(key: string, fallback: boolean): boolean {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(key)
  return value === null ? fallback : value === 'true'
}

function storedLanguage(): Language | null {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_KEY)
  return value === 'it' || value === 'en' ? value : null
}

export const useUi = create<UiState>((set) => ({
  step: 'setup',
  sharePanelOpen: false,
  chosenLanguage: storedLanguage(),
  openCards: {},
  following: true,
  presentation: storedFlag(PRESENTATION_KEY, false),
  showCursors: storedFlag(CURSORS_KEY, true),
  readinessOpen: false,
  historyOpen: false,
  previewVersion: null,
  setHistoryOpen: (historyOpen) => set({ historyOpen }),
  setPreviewVersion: (previewVersion) => set({ previewVersion }),
  setFollowing: (following) => set({ following }),
  setPresentation: (presentation) => {
    localStorage.setItem(PRESENTATION_KEY, String(presentation))
    set({ presentation })
  },
  setShowCursors: (showCursors) => {
    localStorage.setItem(CURSORS_KEY, String(showCursors))
    set({ showCursors })
  },
  setReadinessOpen: (readinessOpen) => set({ readinessOpen }),
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
