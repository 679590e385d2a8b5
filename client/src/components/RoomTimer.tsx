import { useEffect, useRef, useState } from 'react'
import {
  formatRemaining,
  MAX_TIMER_MS,
  remainingMs,
  TIMER_PRESETS_MIN,
} from '../../../shared/domain/timer.ts'
import { controlMap, readStepDurations, readTimer, setStepDuration } from '../../../shared/schema/control.ts'
import type { StepId } from '../../../shared/steps.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { useServerNow } from '../collab/server-clock.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { useApiErrorText } from '../lib/api-error-text.ts'
import { facilitationApi } from '../lib/facilitation-api.ts'
import { ClockIcon } from './icons.tsx'

const SOUND_KEY = 'tavolo:timer-sound'

/** A short chime made on the spot (no audio file to load). */
function chime(): void {
  try {
    const audio = new AudioContext()
    const tone = audio.createOscillator()
    const gain = audio.createGain()
    tone.frequency.value = 880
    gain.gain.setValueAtTime(0.2, audio.currentTime)
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 1.2)
    tone.connect(gain).connect(audio.destination)
    tone.start()
    tone.stop(audio.currentTime + 1.2)
  } catch {
    // No audio (blocked or unsupported): the visible signal remains.
  }
}

/**
 * The room's countdown, the same on every screen (computed from the server-stamped end and
 * this browser's measured offset from the server clock). Only the facilitator has controls.
 */
export function RoomTimer({ step }: { step: StepId }) {
  const { t } = useTranslation()
  const errorText = useApiErrorText()
  const session = useSession()
  const control = controlMap(session.control)
  const timer = useYValue(control, () => readTimer(session.control))
  const durations = useYValue(control, () => readStepDurations(session.control))
  const now = useServerNow(timer.status === 'running')
  const left = remainingMs(timer, now)
  const [minutes, setMinutes] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [sound, setSound] = useState(() => localStorage.getItem(SOUND_KEY) === 'true')
  const facilitator = session.role === 'facilitator'
  const timeUp = left === 0 && timer.status === 'running'
  const rang = useRef(false)
  useEffect(() => {
    if (timeUp && !rang.current && sound) chime()
    rang.current = timeUp
  }, [timeUp, sound])

  const send = (action: Parameters<typeof facilitationApi.timer>[2]) => {
    setError(null)
    facilitationApi
      .timer(session.workshopId, session.key, action)
      .catch((caught: unknown) => setError(errorText(caught)))
  }
  const start = (min: number) => send({ action: 'start', durationMs: Math.min(MAX_TIMER_MS, min * 60_000) })
  const custom = Number(minutes)
  const customValid = Number.isInteger(custom) && custom >= 1 && custom <= 120
  const stepDefault = durations[step]
  const button = 'min-h-8 rounded border border-slate-400 bg-white px-2 text-sm'

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="room-timer">
      {left !== null && (
        <p
          className={`rounded px-3 py-1 font-mono text-lg font-bold tabular-nums ${
            timeUp
              ? 'animate-pulse bg-red-700 text-white'
              : timer.status === 'paused'
                ? 'bg-amber-100 text-amber-950'
                : 'bg-slate-900 text-white'
          }`}
          data-testid="timer-remaining"
        >
          <span className="sr-only">{t('timer.remaining')} </span>
          <ClockIcon /> {formatRemaining(left)}
          {timer.status === 'paused' && ` · ${t('timer.paused')}`}
        </p>
      )}
      {timeUp && (
        <p role="alert" className="font-semibold text-red-800">
          {t('timer.up')}
        </p>
      )}
      {facilitator &&
        (timer.status === 'stopped' ? (
          <>
            {stepDefault && (
              <button
                type="button"
                onClick={() => start(stepDefault)}
                className={`${button} border-indigo-700 font-semibold text-indigo-900`}
              >
                {t('timer.startDefault', { minutes: stepDefault })}
              </button>
            )}
            {TIMER_PRESETS_MIN.map((m) => (
              <button
                key={m}
                type="button"
                onClick={() => start(m)}
                className={button}
                aria-label={t('timer.startFor', { minutes: m })}
              >
                {m}′
              </button>
            ))}
            <input
              type="number"
              min={1}
              max={120}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              aria-label={t('timer.customMinutes')}
              placeholder={t('timer.minutes')}
              className="w-20 rounded border border-slate-300 px-1 py-0.5 text-sm"
            />
            <button
              type="button"
              disabled={!customValid}
              onClick={() => start(custom)}
              className={`${button} disabled:opacity-50`}
            >
              {t('timer.start')}
            </button>
            <button
              type="button"
              disabled={!customValid}
              onClick={() => setStepDuration(session.control, step, custom)}
              className={`${button} disabled:opacity-50`}
            >
              {t('timer.setDefault')}
            </button>
          </>
        ) : (
          <>
            {timer.status === 'running' ? (
              <button type="button" onClick={() => send({ action: 'pause' })} className={button}>
                {t('timer.pause')}
              </button>
            ) : (
              <button type="button" onClick={() => send({ action: 'resume' })} className={button}>
                {t('timer.resume')}
              </button>
            )}
            <button type="button" onClick={() => send({ action: 'add', ms: 60_000 })} className={button}>
              {t('timer.addMinute')}
            </button>
            <button type="button" onClick={() => send({ action: 'stop' })} className={button}>
              {t('timer.stop')}
            </button>
          </>
        ))}
      {left !== null && (
        <label className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            checked={sound}
            onChange={(e) => {
              setSound(e.target.checked)
              localStorage.setItem(SOUND_KEY, String(e.target.checked))
            }}
          />
          {t('timer.sound')}
        </label>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  )
}
