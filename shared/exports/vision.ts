import type * as Y from 'yjs'
import { groupMeans, type PublishedRating, weakestFirst } from '../domain/rating-round.ts'
import { readReportedRating } from '../schema/control.ts'
import { readMeta } from '../schema/meta.ts'
import { readNamedList } from '../schema/setup.ts'
import {
  type MomentOfTruth,
  type Persona,
  readChosenFactors,
  readCultureStatements,
  readFactors,
  readMoments,
  readPersonas,
} from '../schema/vision.ts'
import { markdownText } from './markdown-text.ts'
import type { Table } from './tables.ts'

/** What a CX vision workshop produced, as plain data: the vision report and its exports read this. */
export type VisionExport = {
  title: string
  organisation: string
  language: 'it' | 'en'
  factors: {
    id: string
    name: string
    meaning: string
    chosen: boolean
    today: number | null
    target: number | null
    /** target - today: how far the vision asks the organisation to move. */
    gap: number | null
  }[]
  /** How many people scored the factors (null before a round has results). */
  factorAnswers: number | null
  personas: Persona[]
  stages: { id: string; name: string }[]
  moments: (MomentOfTruth & { factor: string | null })[]
  culture: {
    areas: { area: string; mean: number | null }[]
    statements: { id: string; area: string; text: string; mean: number | null; spread: number | null }[]
    weakest: string[]
    answers: number
  } | null
}

export function exportVision(content: Y.Doc, control: Y.Doc): VisionExport {
  const meta = readMeta(content)
  const chosen = readChosenFactors(control)
  const factorRating = readReportedRating(control, 'factors')
  const mean = (rating: PublishedRating | null, itemId: string, axis: string) =>
    rating?.results?.find((r) => r.itemId === itemId)?.axes[axis]?.mean ?? null
  const factors = readFactors(content)
  const culture = readReportedRating(control, 'culture')
  const statements = readCultureStatements(content)
  const gap = (today: number | null, target: number | null) =>
    today === null || target === null ? null : Math.round((target - today) * 10) / 10
  return {
    title: meta.title,
    organisation: meta.organisation,
    language: meta.language,
    factors: factors.map((f) => {
      const today = mean(factorRating, f.id, 'today')
      const target = mean(factorRating, f.id, 'target')
      return {
        id: f.id,
        name: f.name,
        meaning: f.meaning,
        chosen: chosen.includes(f.id),
        today,
        target,
        gap: gap(today, target),
      }
    }),
    factorAnswers: factorRating?.results ? factorRating.answered : null,
    personas: readPersonas(content),
    stages: readNamedList(content, 'stages').map(({ id, name }) => ({ id, name })),
    moments: readMoments(content).map((m) => ({
      ...m,
      factor: factors.find((f) => f.id === m.factorId)?.name ?? null,
    })),
    culture: culture?.results
      ? {
          areas: groupMeans(
            culture.results,
            (id) => culture.items.find((i) => i.id === id)?.group ?? '',
            'score',
          ).map(({ group, mean }) => ({ area: group, mean })),
          statements: culture.items.map((item) => {
            const stats = culture.results?.find((r) => r.itemId === item.id)?.axes.score
            return {
              id: item.id,
              area: item.group,
              text: statements.find((s) => s.id === item.id)?.text ?? item.title,
              mean: stats?.mean ?? null,
              spread: stats?.spread ?? null,
            }
          }),
          weakest: weakestFirst(culture.results, 'score'),
          answers: culture.answered,
        }
      : null,
  }
}

const WORDS = {
  it: {
    title: 'Visione CX',
    factors: 'Fattori di distintività scelti',
    factor: 'Fattore',
    today: 'Oggi',
    target: 'Obiettivo',
    personas: 'Personas',
    moments: 'Momenti della verità',
    stage: 'Fase',
    persona: 'Persona',
    excellent: 'Che cosa vuol dire eccellente',
    culture: 'Autovalutazione della cultura',
    area: 'Area',
    statement: 'Affermazione',
    mean: 'Media',
    spread: 'Dispersione',
    gap: 'Distanza (obiettivo - oggi)',
    areas: 'Medie per area',
    respondents: 'Risposte',
    none: 'Nessuno.',
  },
  en: {
    title: 'CX vision',
    factors: 'Chosen distinctiveness factors',
    factor: 'Factor',
    today: 'Today',
    target: 'Target',
    personas: 'Personas',
    moments: 'Moments of truth',
    stage: 'Stage',
    persona: 'Persona',
    excellent: 'What excellent means',
    culture: 'Culture self-assessment',
    area: 'Area',
    statement: 'Statement',
    mean: 'Mean',
    spread: 'Spread',
    gap: 'Gap (target - today)',
    areas: 'Means by area',
    respondents: 'Answers',
    none: 'None.',
  },
}

export const visionWords = (language: 'it' | 'en') => WORDS[language]

/** The scores as sheets: the chosen factors today and target, the culture statements weakest first. */
export function visionTables(data: VisionExport): Table[] {
  const w = visionWords(data.language)
  return [
    {
      name: w.factors.slice(0, 31),
      headers: [w.factor, w.today, w.target, w.gap],
      rows: data.factors.filter((f) => f.chosen).map((f) => [f.name, f.today, f.target, f.gap]),
    },
    {
      name: w.areas.slice(0, 31),
      headers: [w.area, w.mean],
      rows: (data.culture?.areas ?? []).map((a) => [a.area, a.mean]),
    },
    {
      name: w.culture.slice(0, 31),
      headers: [w.area, w.statement, w.mean, w.spread],
      rows: (data.culture?.weakest ?? []).map((id) => {
        const s = data.culture!.statements.find((x) => x.id === id)!
        return [s.area, s.text, s.mean, s.spread]
      }),
    },
  ]
}

export function visionMarkdown(data: VisionExport): string {
  const w = visionWords(data.language)
  const esc = markdownText
  const chosen = data.factors.filter((f) => f.chosen)
  // Blocks are separated by a blank line; a table's or a list's lines must follow each other.
  const blocks = [
    `# ${w.title}: ${esc(data.title)}`,
    data.organisation && `_${esc(data.organisation)}_`,
    `## ${w.factors}`,
  ]
  const together = (rows: string[]) => blocks.push(rows.join('\n'))
  if (chosen.length === 0) blocks.push(`_${w.none}_`)
  else {
    together([
      `| ${w.factor} | ${w.today} | ${w.target} | ${w.gap} |`,
      '| --- | --- | --- | --- |',
      ...chosen.map((f) => `| ${esc(f.name)} | ${f.today ?? ''} | ${f.target ?? ''} | ${f.gap ?? ''} |`),
    ])
    if (data.factorAnswers !== null) blocks.push(`${w.respondents}: ${data.factorAnswers}`)
  }
  blocks.push(`## ${w.personas}`)
  for (const p of data.personas) {
    blocks.push(
      `### ${esc(p.name)}`,
      esc([p.age !== null ? String(p.age) : '', p.texts.occupation].filter(Boolean).join(' · ')),
    )
    if (p.texts.quote) blocks.push(`> ${esc(p.texts.quote)}`)
    for (const field of ['goals', 'frustrations', 'bio'] as const)
      if (p.texts[field]) blocks.push(esc(p.texts[field]))
  }
  blocks.push(`## ${w.moments}`)
  if (data.moments.length === 0) blocks.push(`_${w.none}_`)
  together(
    data.moments.map((m) => {
      const persona = data.personas.find((p) => p.id === m.personaId)?.name ?? ''
      const stage = data.stages.find((s) => s.id === m.stageId)?.name ?? ''
      return `- **${esc(persona)} · ${esc(stage)}**: ${esc(m.excellent)}${m.factor ? ` (${esc(m.factor)})` : ''}`
    }),
  )
  blocks.push(`## ${w.culture}`)
  if (!data.culture) blocks.push(`_${w.none}_`)
  else {
    const culture = data.culture
    blocks.push(`${w.respondents}: ${culture.answers}`)
    together([
      `| ${w.area} | ${w.mean} |`,
      '| --- | --- |',
      ...culture.areas.map((a) => `| ${esc(a.area)} | ${a.mean ?? ''} |`),
    ])
    together([
      `| ${w.statement} | ${w.area} | ${w.mean} | ${w.spread} |`,
      '| --- | --- | --- | --- |',
      ...culture.weakest.map((id) => {
        const s = culture.statements.find((x) => x.id === id)!
        return `| ${esc(s.text)} | ${esc(s.area)} | ${s.mean ?? ''} | ${s.spread ?? ''} |`
      }),
    ])
  }
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`
}
