/** A workshop is an improvement group (the four meetings) or a CX vision workshop, chosen at creation. */
export type WorkshopKind = 'improvement' | 'vision'

/** The improvement group's steps, in the order the method runs them. */
export const IMPROVEMENT_STEPS = [
  'setup',
  'meeting1',
  'survey',
  'meeting2',
  'meeting3',
  'meeting4',
  'outputs',
  'followup',
] as const
/** The CX vision workshop's boards. */
export const VISION_STEPS = ['setup', 'factors', 'personas', 'culture', 'vision'] as const

export const STEPS = [...IMPROVEMENT_STEPS, 'factors', 'personas', 'culture', 'vision'] as const

export type StepId = (typeof STEPS)[number]

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value)
}

export const stepsFor = (kind: WorkshopKind): readonly StepId[] =>
  kind === 'vision' ? VISION_STEPS : IMPROVEMENT_STEPS
