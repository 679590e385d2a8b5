type Series = { name: string; colour: string; values: (number | null)[] }

const SIZE = 320
const CENTRE = SIZE / 2
const RADIUS = 110

/** A radar chart (one spoke per label) with one polygon per series; a table alternative is given by the caller. */
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
  return (
    <figure className="grid justify-items-center gap-1">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={title}
        data-testid="radar"
      >
        {[0.25, 0.5, 0.75, 1].map((f) => (
          <polygon
            key={f}
            points={labels.map((_, i) => point(i, max * f).join(',')).join(' ')}
            fill="none"
            stroke="#cbd5e1"
          />
        ))}
        {labels.map((label, i) => {
          const [x, y] = point(i, max * 1.18)
          const [ex, ey] = point(i, max)
          return (
            <g key={label}>
              <line x1={CENTRE} y1={CENTRE} x2={ex} y2={ey} stroke="#cbd5e1" />
              <text x={x} y={y} fontSize="10" textAnchor="middle" dominantBaseline="middle" fill="#0f172a">
                {label.length > 18 ? `${label.slice(0, 17)}…` : label}
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
            strokeWidth={2}
            data-testid="radar-series"
            data-series={s.name}
          />
        ))}
      </svg>
      <figcaption className="flex gap-3 text-sm">
        {series.map((s) => (
          <span key={s.name} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block size-3 rounded-sm"
              style={{ backgroundColor: s.colour }}
            />
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  )
}
