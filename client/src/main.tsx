import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { browserLanguage, initI18n } from './i18n/index.ts'
import { TranslationProvider } from './i18n/translation.tsx'
import { useUi } from './state/ui.ts'
import './index.css'

initI18n(useUi.getState().chosenLanguage ?? browserLanguage())

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TranslationProvider>
      <App />
    </TranslationProvider>
  </StrictMode>,
)
