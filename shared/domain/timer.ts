/**
 * The room's countdown. Only the server changes it (on the facilitator's request), stamping
 * times with its own clock; every screen computes the remaining time from the server's clock,
 * so laptops whose clocks disagree still show the same number. Pure.
 */
export const MAX_TIMER_MS = 2 * 60 * 60 * 1000
export const TIMER_PRESETS_MIN = [2, 5, 10, 15] as const

export type TimerState =
  | { status: 'stopped' }
  | { status: 'running'; endsAt: number; durationMs: number }
  | { status: 'paused'; remainingMs: number; durationMs: number }

export type TimerAction =
  | { action: 'start'; durationMs: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'add'; ms: number }
  | { action: 'stop' }

export const STOPPED: TimerState = { status: 'stopped' }

export function remainingMs(state: TimerState, serverNow: number): number | null {
  if (state.status === 'stopped') return null
  if (state.status === 'paused') return state.remainingMs
  // A screen's estimate of the server's clock can run a few milliseconds behind it: never show
  // more time left than the timer was set for (a 5-minute timer never reads 5:01).
  return Math.min(state.durationMs, Math.max(0, state.endsAt - serverNow))
}

const clampDuration = (ms: number) => Math.min(MAX_TIMER_MS, Math.max(1000, Math.round(ms)))

/** The next state; an action that does not apply (pause when stopped) leaves it as it is. */
export function applyTimerAction(state: TimerState, action: TimerAction, now: number): TimerState {
  switch (action.action) {
    case 'start': {
      const durationMs = clampDuration(action.durationMs)
      return { status: 'running', endsAt: now + durationMs, durationMs }
    }
    case 'pause':
      return state.status === 'running'
        ? { status: 'paused', remainingMs: Math.max(0, state.endsAt - now), durationMs: state.durationMs }
        : state
    case 'resume':
      return state.status === 'paused'
        ? { status: 'running', endsAt: now + state.remainingMs, durationMs: state.durationMs }
        : state
    case 'add': {
      if (state.status === 'stopped') return state
      const left = remainingMs(state, now) ?? 0
      const extra = Math.min(action.ms, MAX_TIMER_MS - left)
      return state.status === 'running'
        ? { ...state, endsAt: Math.max(state.endsAt, now) + extra, durationMs: state.durationMs + extra }
        : { ...state, remainingMs: state.remainingMs + extra, durationMs: state.durationMs + extra }
    }
    case 'stop':
      return STOPPED
  }
}

/** 5:07, or 1:02:03 past an hour; rounds up so a countdown shows 0:00 only at the end. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const two = (n: number) => String(n).padStart(2, '0')
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`
}
