import { useEffect, useRef, useState } from 'react'
import { type DashboardAnswer, programmesApi } from '../lib/programmes-api.ts'

/** How often the dashboard asks; an unchanged one costs the server a 304 and no rendering. */
const POLL_MS = 3000

/** The programme dashboard, kept live: asked again every few seconds and when asked to. */
export function useDashboard(id: string, key: string | null) {
  const [data, setData] = useState<DashboardAnswer | null>(null)
  const [error, setError] = useState<unknown>(null)
  const etag = useRef<string | null>(null)
  const [tick, setTick] = useState(0)
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick asks again at once (after a group is added)
  useEffect(() => {
    if (!key) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = async () => {
      try {
        const answer = await programmesApi.dashboard(id, key, etag.current)
        if (stopped) return
        if (answer) {
          etag.current = answer.etag
          setData(answer.data)
        }
        setError(null)
      } catch (caught) {
        if (!stopped) setError(caught)
      }
      if (!stopped) timer = setTimeout(ask, POLL_MS)
    }
    void ask()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [id, key, tick])
  return { data, error, refresh: () => setTick((n) => n + 1) }
}
