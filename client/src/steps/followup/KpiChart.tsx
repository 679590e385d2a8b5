import type { KpiTrack } from '../../../../shared/domain/follow-up/readings.ts'
import { useTranslation } from '../../i18n/translation.tsx'
import { useDayFormat } from './dates.ts'

const W = 480
const H = 200
const PAD = { left: 48, right: 16, top: 16, bottom: 32 }

/**
 * One KPI over time: the readings as a line, the baseline (dashed) and the target (solid) as
 * levels. A picture for the room; the readings table below it says the same in words.
 */
export function KpiChart({ name, track }: { name: string; track: KpiTrack }) {
  const { t, i18n } = useTranslation()
  const day = useDayFormat()
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 })
  const values = [...track.points.map((p) => p.value), track.baseline, track.target].filter(
    (v): v is number => v !== null,
  )
  if (track.points.length === 0 || values.length === 0) return null
  let low = Math.min(...values)
  let high = Math.max(...values)
  if (low === high) {
    low -= 1
    high += 1
  }
  const margin = (high - low) * 0.1
  low -= margin
  high += margin
  const times = track.points.map((p) => Date.parse(`${p.date}T00:00:00Z`))
  const first = Math.min(...times)
  const last = Math.max(...times)
  const x = (time: number) =>
    last === first
      ? PAD.left + (W - PAD.left - PAD.right) / 2
      : PAD.left + ((time - first) / (last - first)) * (W - PAD.left - PAD.right)
  const y = (value: number) => PAD.top + ((high - value) / (high - low)) * (H - PAD.top - PAD.bottom)
  const level = (value: number | null, label: string, dashed: boolean, colour: string) =>
    value === null ? null : (
      <g>
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={y(value)}
          y2={y(value)}
          stroke={colour}
          strokeWidth={2}
          strokeDasharray={dashed ? '6 4' : undefined}
        />
        <text x={PAD.left - 4} y={y(value) + 4} textAnchor="end" fontSize={11} fill={colour}>
          {number.format(value)}
        </text>
        <text x={W - PAD.right} y={y(value) - 4} textAnchor="end" fontSize={11} fill={colour}>
          {label}
        </text>
      </g>
    )
  const latest = track.points.at(-1)!
  const summary = t('followup.kpi.chartSummary', {
    name,
    count: track.points.length,
    baseline: track.baseline === null ? '—' : number.format(track.baseline),
    target: track.target === null ? '—' : number.format(track.target),
    latest: number.format(latest.value),
    date: day(latest.date),
  })
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={summary}
      className="h-auto w-full max-w-xl"
      data-testid="kpi-chart"
    >
      <title>{summary}</title>
      {level(track.baseline, t('followup.kpi.baseline'), true, '#64748b')}
      {level(track.target, t('followup.kpi.target'), false, '#047857')}
      <polyline
        fill="none"
        stroke="#4338ca"
        strokeWidth={2.5}
        points={track.points.map((p, i) => `${x(times[i]!)},${y(p.value)}`).join(' ')}
      />
      {track.points.map((p, i) => (
        <circle
          key={p.reading.id}
          cx={x(times[i]!)}
          cy={y(p.value)}
          r={4}
          fill="#4338ca"
          data-testid="kpi-point"
        />
      ))}
      <text x={PAD.left} y={H - 8} fontSize={11} fill="#334155">
        {day(track.points[0]!.date)}
      </text>
      {track.points.length > 1 && (
        <text x={W - PAD.right} y={H - 8} textAnchor="end" fontSize={11} fill="#334155">
          {day(latest.date)}
        </text>
      )}
    </svg>
  )
}
