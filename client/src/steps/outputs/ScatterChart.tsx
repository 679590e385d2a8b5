import type { MatrixPoint } from '../../../../shared/domain/materiality.ts'

type Props = {
  title: string
  /** `detail` is what the legend says of the point's values, in the axes' own scales. */
  points: { id: string; mark: string; label: string; detail: string; point: MatrixPoint }[]
  xLabel: string
  yLabel: string
  threshold: MatrixPoint
}

const SIZE = 320
const PAD = 36
const scale = (v: number) => PAD + (v / 100) * (SIZE - 2 * PAD)

/** A matrix drawn for print: quadrant lines, numbered dots, a legend beside. Static SVG. */
export function ScatterChart({ title, points, xLabel, yLabel, threshold }: Props) {
  return (
    <figure className="flex flex-wrap items-start gap-4 break-inside-avoid">
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={title}
        className="shrink-0 rounded border border-slate-400 bg-white"
      >
        <line
          x1={scale(threshold.x)}
          x2={scale(threshold.x)}
          y1={PAD}
          y2={SIZE - PAD}
          stroke="#94a3b8"
          strokeDasharray="4 3"
        />
        <line
          x1={PAD}
          x2={SIZE - PAD}
          y1={SIZE - scale(threshold.y)}
          y2={SIZE - scale(threshold.y)}
          stroke="#94a3b8"
          strokeDasharray="4 3"
        />
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="#64748b" />
        <text x={SIZE / 2} y={SIZE - 8} textAnchor="middle" fontSize="11" fill="#0f172a">
          {xLabel} →
        </text>
        <text
          x={12}
          y={SIZE / 2}
          textAnchor="middle"
          fontSize="11"
          fill="#0f172a"
          transform={`rotate(-90 12 ${SIZE / 2})`}
        >
          {yLabel} →
        </text>
        {points.map(({ id, mark, point }) => (
          <g key={id}>
            <circle cx={scale(point.x)} cy={SIZE - scale(point.y)} r={10} fill="#4338ca" />
            <text
              x={scale(point.x)}
              y={SIZE - scale(point.y) + 4}
              textAnchor="middle"
              fontSize="10"
              fill="#fff"
              fontWeight="bold"
            >
              {mark}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="min-w-48 flex-1 text-sm">
        <p className="font-semibold">{title}</p>
        <ol className="mt-1 grid gap-0.5">
          {points.map(({ id, mark, label, detail }) => (
            <li key={id}>
              <strong>{mark}</strong> {label} ({detail})
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  )
}
