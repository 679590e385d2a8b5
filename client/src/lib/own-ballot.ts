import { useEffect, useRef, useState } from 'react'
import { useSession } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useApiErrorText } from './api-error-text.ts'
import { loadIdentity } from './local-memory.ts'
import { BallotRefused } from './survey-api.ts'

type Api<B> = {
  /** My stored ballot for this round, or null. */
  load: (token: string) => Promise<B | null>
  save: (token: string, ballot: B) => Promise<unknown>
  /** The server's list of what is wrong, in words. */
  describe: (problems: unknown[]) => string
}

/**
 * A participant's own private ballot in a round (survey, scoring round, dot vote, rating):
 * loads what the server holds, edits it locally, sends it with the personal token, and says
 * whether it is saved or what the server refused.
 */
export function useOwnBallot<B>(roundId: string, empty: B, api: Api<B>) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const token = loadIdentity(session.workshopId)?.token ?? null
  const [ballot, setBallot] = useState<B>(empty)
  const [state, setState] = useState<'editing' | 'saving' | 'saved'>('editing')
  /** Whether the server holds a ballot of mine: sending again replaces it. */
  const [stored, setStored] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const apiRef = useRef(api)
  apiRef.current = api

  // biome-ignore lint/correctness/useExhaustiveDependencies: the round and the token are what to load; the api functions are read through a ref
  useEffect(() => {
    if (!token) return
    apiRef.current.load(token).then(
      (mine) => {
        if (!mine) return
        setBallot(mine)
        setState('saved')
        setStored(true)
      },
      () => {},
    )
  }, [roundId, token])

  const edit = (next: B) => {
    setBallot(next)
    setState('editing')
  }
  const submit = async () => {
    if (!token) return setError(t('survey.noToken'))
    setState('saving')
    setError(null)
    try {
      await apiRef.current.save(token, ballot)
      setState('saved')
      setStored(true)
    } catch (caught) {
      setState('editing')
      if (caught instanceof BallotRefused) setError(apiRef.current.describe(caught.problems))
      else setError(errorText(caught))
    }
  }
  return { ballot, edit, submit, saving: state === 'saving', saved: state === 'saved', stored, error }
}
