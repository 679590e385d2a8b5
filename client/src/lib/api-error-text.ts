import { useCallback } from 'react'
import { useTranslation } from '../i18n/translation.tsx'
import { ApiError } from './api.ts'

/**
 * What to tell a person about a failed call, in their language. The server explains its
 * refusals in English: an English page shows that explanation, any other language says what
 * the status means (and how long to wait, for a rate limit).
 */
export function useApiErrorText() {
  const { t, i18n } = useTranslation()
  return useCallback(
    (caught: unknown, context: 'import' | 'webhook' | null = null): string => {
      if (!(caught instanceof ApiError)) return t('home.offline')
      if (i18n.language === 'en' && caught.message) return caught.message
      const { status } = caught
      if (status === 429) return t('apiErrors.rateLimited', { count: caught.retryAfterSeconds ?? 60 })
      if (status === 400 && context === 'import') return t('apiErrors.import')
      if (status === 400 && context === 'webhook') return t('apiErrors.webhookUrl')
      const byStatus: Record<number, string> = {
        400: 'apiErrors.badRequest',
        401: 'apiErrors.forbidden',
        403: 'apiErrors.forbidden',
        404: 'apiErrors.notFound',
        409: 'apiErrors.conflict',
        413: 'apiErrors.tooBig',
        415: 'apiErrors.badRequest',
        503: 'apiErrors.storage',
      }
      return t(byStatus[status] ?? 'apiErrors.server')
    },
    [t, i18n.language],
  )
}
