import { useEffect, useState } from 'react'

/**
 * How far this browser's clock is from the server's, measured once per page with a few
 * round trips (the one with the shortest trip wins). Timers are stamped by the server, so a
 * laptop whose clock is minutes off still shows the room's remaining time.
 */
let offsetMs = 0
let measuring: Promise<void> | null = null

export function measureServerClock(): Promise<void> {
  measuring ??= (async () => {
    let best = Number.POSITIVE_INFINITY
    for (let i = 0; i < 3; i++) {
      try {
        const sent = Date.now()
        const { now } = (await (await fetch('/api/time', { cache: 'no-store' })).json()) as { now: number }
        const received = Date.now()
        if (received - sent < best) {
          best = received - sent
          offsetMs = now - (sent + received) / 2
        }
      } catch {
        // Offline: keep the last offset (0 at first); the timer is then as good as this clock.
      }
    }
  })()
  return measuring
}

export const serverNow = () => Date.now() + offsetMs

/** The server's time, re-read every `everyMs` while `active`. */
export function useServerNow(active: boolean, everyMs = 250): number {
  const [now, setNow] = useState(serverNow)
  useEffect(() => {
    void measureServerClock().then(() => setNow(serverNow()))
    if (!active) return
    const timer = window.setInterval(() => setNow(serverNow()), everyMs)
    return () => window.clearInterval(timer)
  }, [active, everyMs])
  return now
}
