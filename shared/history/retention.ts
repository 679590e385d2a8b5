const DAY_MS = 24 * 60 * 60 * 1000

export type Dated = { id: string; createdAt: number }

/**
 * Which versions retention lets go: every version of the last `keepAllDays` days stays;
 * before that, the last version of each (UTC) day stays and the others go.
 */
export function versionsToForget(versions: readonly Dated[], now: number, keepAllDays: number): string[] {
  const keepAllAfter = now - keepAllDays * DAY_MS
  const lastOfDay = new Map<number, Dated>()
  for (const version of versions) {
    if (version.createdAt >= keepAllAfter) continue
    const day = Math.floor(version.createdAt / DAY_MS)
    const kept = lastOfDay.get(day)
    if (!kept || version.createdAt > kept.createdAt) lastOfDay.set(day, version)
  }
  const keep = new Set([...lastOfDay.values()].map((v) => v.id))
  return versions.filter((v) => v.createdAt < keepAllAfter && !keep.has(v.id)).map((v) => v.id)
}
