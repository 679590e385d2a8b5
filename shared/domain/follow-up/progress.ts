/**
 * Where each pipeline action stands after meeting 4: its latest update wins over the status
 * set in meeting 4; who may update it. Pure: no Yjs.
 */
import type { PipelineStatus } from '../pipeline.ts'

export type UpdateLike = {
  entryId: string
  date: string
  at: number
  status: PipelineStatus
  percent: number
}

export type Progress<U extends UpdateLike> = {
  status: PipelineStatus
  percent: number
  /** The latest update (by its day, then by when it was stored), null before the first one. */
  latest: U | null
  /** Every update of the action, latest first. */
  history: U[]
}

const latestFirst = (a: UpdateLike, b: UpdateLike) => b.date.localeCompare(a.date) || b.at - a.at

export function progressOf<U extends UpdateLike>(
  entry: { id: string; status: PipelineStatus },
  updates: readonly U[],
): Progress<U> {
  const history = updates.filter((u) => u.entryId === entry.id).sort(latestFirst)
  const latest = history[0] ?? null
  const status = latest?.status ?? entry.status
  return {
    status,
    percent: latest ? latest.percent : status === 'done' ? 100 : 0,
    latest,
    history,
  }
}

/** How a name compares to an owner as typed in meeting 4: case, accents and spacing aside. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLocaleLowerCase()
  return norm(a) !== '' && norm(a) === norm(b)
}

/**
 * Who may update an action: the facilitator; its owner (the registered name matches the
 * owner written in meeting 4); anyone in the group when the facilitator allows it.
 */
export function mayUpdateAction(input: {
  role: 'facilitator' | 'participant' | 'viewer'
  anyoneUpdates: boolean
  owner: string
  name: string | null
}): boolean {
  if (input.role === 'facilitator') return true
  if (input.role !== 'participant' || input.name === null) return false
  return input.anyoneUpdates || sameName(input.owner, input.name)
}
