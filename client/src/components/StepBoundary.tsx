import { Component, type ReactNode } from 'react'
import { useTranslation } from '../i18n/translation.tsx'
import { useUi } from '../state/ui.ts'

type Props = { children: ReactNode }

/**
 * One step that cannot be drawn (a document a bad write left in a shape no view expected)
 * shows a way back instead of a blank page; the header, the other steps and the connection
 * go on working.
 */
export class StepBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError() {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    console.error('a step could not be shown', error)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return <StepFailed retry={() => this.setState({ failed: false })} />
  }
}

function StepFailed({ retry }: { retry: () => void }) {
  const { t } = useTranslation()
  const setStep = useUi((s) => s.setStep)
  return (
    <section
      role="alert"
      data-testid="step-failed"
      className="mx-auto max-w-xl rounded border border-red-200 bg-red-50 p-4"
    >
      <h2 className="mb-1 font-semibold text-red-900">{t('stepFailed.heading')}</h2>
      <p className="mb-3 text-red-900">{t('stepFailed.explain')}</p>
      <div className="flex gap-2">
        <button type="button" onClick={retry} className="rounded bg-red-800 px-3 py-1 text-white">
          {t('stepFailed.retry')}
        </button>
        <button
          type="button"
          onClick={() => setStep('setup')}
          className="rounded border border-red-300 px-3 py-1"
        >
          {t('stepFailed.setup')}
        </button>
      </div>
    </section>
  )
}
