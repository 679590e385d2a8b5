import { useState } from 'react'
import { useSession } from '../../collab/hooks.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useApiErrorText } from '../../lib/api-error-text.ts'
import { forgetWorkshop } from '../../lib/local-memory.ts'
import { workshopCall } from '../../lib/survey-api.ts'

/**
 * The facilitator deletes the workshop with everything the server keeps for it (documents,
 * registrations, ballots, versions). Asked twice: there is no undo.
 */
export function DeleteWorkshop() {
  const { t } = useTranslation()
  const session = useSession()
  const errorText = useApiErrorText()
  const [asking, setAsking] = useState(false)
  const [status, setStatus] = useState('')

  async function remove() {
    try {
      await workshopCall(session.workshopId, '', session.key, { method: 'DELETE' })
      forgetWorkshop(session.workshopId)
      location.assign('/')
    } catch (error) {
      setStatus(t('setup.delete.failed', { why: errorText(error) }))
    }
  }

  return (
    <section aria-labelledby="delete-heading" className="rounded-lg border border-red-200 bg-white p-4">
      <h3 id="delete-heading" className="text-lg font-semibold">
        {t('setup.delete.heading')}
      </h3>
      <p className="mb-2 text-sm text-slate-700">{t('setup.delete.hint')}</p>
      {asking ? (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-sm font-medium">{t('setup.delete.confirmQuestion')}</span>
          <button
            type="button"
            onClick={() => void remove()}
            className="min-h-8 rounded border border-red-800 bg-red-700 px-2 text-sm font-semibold text-white"
          >
            {t('setup.delete.confirm')}
          </button>
          <button
            type="button"
            onClick={() => setAsking(false)}
            className="min-h-8 rounded border border-slate-500 px-2 text-sm"
          >
            {t('setup.delete.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => setAsking(true)}
          className="min-h-8 rounded border border-red-700 px-2 text-sm text-red-800"
        >
          {t('setup.delete.button')}
        </button>
      )}
      <p role="status" className="text-sm">
        {status}
      </p>
    </section>
  )
}
