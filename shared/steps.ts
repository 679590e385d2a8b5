/** The workshop's steps, in the order the method runs them. */
export const STEPS = ['setup', 'meeting1', 'survey', 'meeting2', 'meeting3', 'meeting4', 'outputs'] as const

export type StepId = (typeof STEPS)[number]

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value)
}
