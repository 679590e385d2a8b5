type Series = { name: string; colour: string; values: (number | null)[] }

const SIZE = 560
const CENTRE = SIZE / 2
const RADIUS = 160

/** A spoke's label in at most two lines of about 14 characters, cut with … beyond. */
function labelLines(label: string): string[] {
  const words = label.split(/\s+/)
  const lines = ['']
  for (const word of words) {
    const line = lines[lines.length - 1]!
    if (!line || line.length + word.length < 15) lines[lines.length - 1] = line ? `${line} ${word}` : word
    else lines.push(word)
  }
  const [first = '', second] = lines
  if (lines.length <= 2 && first.length <= 18 && (second ?? '').length <= 18) return lines.filter(Boolean)
  const rest = lines.slice(1).join(' ')
  return [first.slice(0, 18), rest.length > 17 ? `${rest.slice(0, 16)}…` : rest]
}
const RINGS = [0.25, 0.5, 0.75, 1]

/**
 * A radar chart (one spoke per label) with one polygon per series; a table alternative is given
 * by the caller. It scales to its column (up to 560 px: readable on a projector), labels its
 * rings with their values, and draws its legend's swatches in SVG so that they print.
 */
export function RadarChart({
  title,
  labels,
  series,
  max,
}: {
  title: string
  labels: string[]
  series: Series[]
  max: number
}) {
  const point = (i: number, value: number) => {
    const angle = (Math.PI * 2 * i) / labels.length - Math.PI / 2
    const r = (Math.max(0, value) / max) * RADIUS
    return [CENTRE + r * Math.cos(angle), CENTRE + r * Math.sin(angle)] as const
  }
  if (labels.length < 3) return null
  const ringValue = (f: number) => Math.round(max * f * 10) / 10
  return (
    <figure className="grid w-full max-w-[560px] justify-items-center gap-1 break-inside-avoid">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        className="h-auto w-full"
        role="img"
        aria-label={title}
        data-testid="radar"
      >
        {RINGS.map((f) => (
          <polygon
            key={f}
            points={labels.map((_, i) => point(i, max * f).join(',')).join(' ')}
            fill="none"
            stroke="#cbd5e1"
          />
        ))}
        {RINGS.map((f) => (
          <text key={f} x={CENTRE + 3} y={CENTRE - f * RADIUS - 3} fontSize="11" fill="#475569">
            {ringValue(f)}
          </text>
        ))}
        {labels.map((label, i) => {
          const [x, y] = point(i, max * 1.16)
          const [ex, ey] = point(i, max)
          const anchor = Math.abs(x - CENTRE) < 10 ? 'middle' : x > CENTRE ? 'start' : 'end'
          const lines = labelLines(label)
          return (
            <g key={label}>
              <line x1={CENTRE} y1={CENTRE} x2={ex} y2={ey} stroke="#cbd5e1" />
              <text
                x={x}
                y={y - ((lines.length - 1) * 16) / 2}
                fontSize="15"
                textAnchor={anchor}
                dominantBaseline="middle"
                fill="#0f172a"
              >
                <title>{label}</title>
                {lines.map((line, n) => (
                  <tspan key={line} x={x} dy={n === 0 ? 0 : 16}>
                    {line}
                  </tspan>
                ))}
              </text>
            </g>
          )
        })}
        {series.map((s) => (
          <polygon
            key={s.name}
            points={s.values.map((v, i) => point(i, v ?? 0).join(',')).join(' ')}
            fill={s.colour}
            fillOpacity={0.2}
            stroke={s.colour}
            strokeWidth={2.5}
            data-testid="radar-series"
            data-series={s.name}
          />
        ))}
      </svg>
      <figcaption className="flex flex-wrap justify-center gap-3 text-sm">
        {series.map((s) => (
          <span key={s.name} className="flex items-center gap-1">
            <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
              <rect width="14" height="14" rx="2" fill={s.colour} />
            </svg>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
