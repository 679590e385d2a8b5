import { z } from 'zod'
import { isIsoDate, STATUSES } from '../../shared/domain/pipeline.ts'
import { MAX_NOTE, MAX_READING_TEXT, STALE_WEEKS } from '../../shared/schema/follow-up.ts'
import { PERSONA_TEXTS } from '../../shared/schema/vision.ts'
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportProblems,
  type WorkshopExport,
} from '../../shared/schema/workshop-export.ts'
import { HttpError } from '../http/common.ts'

/**
 * The shape an imported workshop must have: the JSON export of Tavolo (see
 * shared/schema/workshop-export.ts). Anything else, or a reference that points nowhere, is
 * refused with the first problems named, and nothing is created.
 */
const id = z.string().min(1).max(100)
const text = z.string().max(100_000)
const many = <T extends z.ZodTypeAny>(item: T) => z.array(item).max(5000)
const score = z.number().int().min(1).max(5).nullable()
const named = z.object({ id, name: text })

const Published = z.record(z.string(), z.unknown()).nullable()
const isoDate = z.string().refine(isIsoDate, 'a real date as YYYY-MM-DD')

export const WorkshopExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  meta: z.object({
    // What the board allows: a title cleared or longer than creation takes still imports.
    title: z
      .string()
      .max(20_000)
      .transform((title) => title.trim().slice(0, 200) || 'Workshop'),
    organisation: z
      .string()
      .max(20_000)
      .transform((organisation) => organisation.slice(0, 200)),
    focus: text,
    language: z.enum(['it', 'en']),
    kind: z.enum(['improvement', 'vision']).default('improvement'),
  }),
  stages: many(named),
  units: many(named),
  segments: many(named),
  participants: many(z.object({ id, name: text, unitId: id.nullable() })),
  touchpoints: many(z.object({ id, stageId: id, name: text, momentOfTruth: z.boolean() })),
  pains: many(
    z.object({
      id,
      stageId: id,
      kind: z.enum(['pain', 'enhancement']),
      text,
      severity: z.number().int().min(1).max(5),
      segmentIds: many(id),
      evidence: text,
      inScope: z.boolean(),
    }),
  ),
  stageData: many(
    z.object({
      stageId: id,
      nps: z
        .object({
          promoters: z.number().int().min(0),
          passives: z.number().int().min(0),
          detractors: z.number().int().min(0),
        })
        .nullable(),
      ces: z.array(z.number().int().min(0)).length(7).nullable(),
    }),
  ),
  interventionGroups: many(named),
  interventions: many(
    z.object({
      id,
      title: text,
      description: text,
      groupId: id.nullable(),
      painIds: many(id),
      matrix: z.object({ x: z.number().min(0).max(100), y: z.number().min(0).max(100) }).nullable(),
    }),
  ),
  materiality: z.object({
    xLabel: z.string().max(80).nullable(),
    yLabel: z.string().max(80).nullable(),
    threshold: z.number().min(0).max(100),
  }),
  priorities: many(id),
  subActions: many(z.object({ id, areaId: id, title: text })),
  raci: z.record(id, z.record(id, z.enum(['R', 'A', 'C', 'I']))),
  actionThresholds: z.object({ benefit: z.number().min(1).max(5), constraint: z.number().min(1).max(5) }),
  actions: many(
    z.object({
      id,
      areaId: id.nullable(),
      title: text,
      description: text,
      owner: text,
      unitId: id.nullable(),
      notes: text,
      scores: z.object({ benefit: score, cost: score, complexity: score, time: score }),
      dependsOn: many(id),
    }),
  ),
  metrics: many(z.object({ id, actionId: id, name: text, chosen: z.boolean() })),
  waves: many(named),
  pipeline: many(
    z.object({
      id,
      actionId: id,
      waveId: id,
      start: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      due: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .nullable(),
      status: z.enum(['planned', 'in-progress', 'done', 'dropped']),
      owner: text,
      unitId: id.nullable(),
    }),
  ),
  kpis: many(
    z.object({
      id,
      name: text,
      definition: text,
      formula: text,
      unit: text,
      direction: z.enum(['higher', 'lower']),
      baseline: text,
      target: text,
      frequency: z.enum(['weekly', 'monthly', 'quarterly', 'yearly']),
      source: text,
      owner: text,
      actionIds: many(id),
      metricId: id.nullable(),
    }),
  ),
  goldenRules: many(z.object({ id, text, approved: z.boolean(), actionIds: many(id) })),
  survey: Published,
  scoringRound: Published,
  vision: z
    .object({
      factors: many(z.object({ id, name: text, meaning: text, custom: z.boolean() })),
      chosenFactors: many(id),
      cultureStatements: many(z.object({ id, area: z.string().max(200), text })),
      personas: many(
        z.object({
          id,
          age: z.number().int().min(0).max(150).nullable(),
          colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
          texts: z.object(
            Object.fromEntries(PERSONA_TEXTS.map((field) => [field, text])) as Record<
              (typeof PERSONA_TEXTS)[number],
              typeof text
            >,
          ),
          sliders: z.record(z.string().max(40), z.number().min(0).max(100)),
        }),
      ),
      moments: many(z.object({ id, personaId: id, stageId: id, excellent: text, factorId: id.nullable() })),
      ratings: z.object({ culture: Published, factors: Published }),
    })
    .optional(),
  followUp: z
    .object({
      settings: z.object({
        anyoneUpdates: z.boolean(),
        staleWeeks: z.number().int().min(STALE_WEEKS.min).max(STALE_WEEKS.max),
        since: isoDate.nullable(),
      }),
      updates: many(
        z.object({
          id,
          entryId: id,
          date: isoDate,
          at: z.number().int().min(0),
          by: z.string().max(200).nullable(),
          status: z.enum(STATUSES),
          percent: z.number().int().min(0).max(100),
          note: z.string().max(MAX_NOTE),
        }),
      ),
      readings: many(
        z.object({
          id,
          kpiId: id,
          date: z.string().max(40),
          value: z.string().max(MAX_READING_TEXT),
          source: z.string().max(MAX_READING_TEXT),
          note: z.string().max(MAX_NOTE),
        }),
      ),
      reviews: many(z.object({ id, date: isoDate, at: z.number().int().min(0) })).default([]),
    })
    .optional(),
})

/** Validates an uploaded export; throws a 400 naming what is wrong. */
export function parseWorkshopExport(body: unknown): WorkshopExport {
  if (!body || typeof body !== 'object' || (body as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new HttpError(400, `not a Tavolo workshop export: "format" must be "${EXPORT_FORMAT}"`)
  }
  const parsed = WorkshopExportSchema.safeParse(body)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    throw new HttpError(400, `the file is not a valid workshop export: ${issues.join('; ')}`)
  }
  const data = parsed.data as unknown as WorkshopExport
  const problems = exportProblems(data)
  if (problems.length > 0) {
    throw new HttpError(400, `the file is not consistent: ${problems.slice(0, 5).join('; ')}`)
  }
  return data
}
