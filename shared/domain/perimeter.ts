/**
 * The scope of the work as the method's first meeting states it: which pains and which
 * enhancements are in, which customers they hit, which macro interventions could address
 * them. Derived from the board, never stored. Pure: no Yjs.
 */
export type PainKind = 'pain' | 'enhancement'

export type PainSnapshot = {
  id: string
  stageId: string
  kind: PainKind
  text: string
  severity: number
  segmentIds: readonly string[]
  inScope: boolean
}

export type InterventionSnapshot = { id: string; title: string; painIds: readonly string[] }

export type Perimeter = {
  pains: PainSnapshot[]
  enhancements: PainSnapshot[]
  /** `all` when some item in scope hits every customer (no segment chosen) or all segments are hit. */
  customers: { all: true } | { all: false; segmentIds: string[] }
  /** Interventions with the in-scope items they address; `addressesScope` false when none. */
  interventions: (InterventionSnapshot & { addressesScope: boolean })[]
  /** In-scope items no intervention addresses yet. */
  unaddressed: PainSnapshot[]
  outOfScope: number
}

/**
 * @param stageOrder stage ids in journey order, to list items along the journey
 * @param segmentIds every target segment of the workshop
 */
export function derivePerimeter(
  stageOrder: readonly string[],
  segmentIds: readonly string[],
  pains: readonly PainSnapshot[],
  interventions: readonly InterventionSnapshot[],
): Perimeter {
  const stageRank = new Map(stageOrder.map((id, i) => [id, i]))
  const known = new Set(segmentIds)
  const inScope = pains
    .filter((p) => p.inScope && stageRank.has(p.stageId))
    .sort(
      (a, b) =>
        b.severity - a.severity ||
        stageRank.get(a.stageId)! - stageRank.get(b.stageId)! ||
        a.id.localeCompare(b.id),
    )
  const hit = new Set<string>()
  let everyone = false
  for (const item of inScope) {
    const segments = item.segmentIds.filter((s) => known.has(s))
    if (segments.length === 0) everyone = true
    for (const s of segments) hit.add(s)
  }
  if (inScope.length > 0 && segmentIds.length > 0 && segmentIds.every((s) => hit.has(s))) everyone = true
  const inScopeIds = new Set(inScope.map((p) => p.id))
  const addressed = new Set<string>()
  const withScope = interventions.map((intervention) => {
    const painIds = intervention.painIds.filter((id) => inScopeIds.has(id))
    for (const id of painIds) addressed.add(id)
    return { ...intervention, painIds, addressesScope: painIds.length > 0 }
  })
  return {
    pains: inScope.filter((p) => p.kind === 'pain'),
    enhancements: inScope.filter((p) => p.kind === 'enhancement'),
    customers:
      everyone || segmentIds.length === 0
        ? { all: true }
        : { all: false, segmentIds: segmentIds.filter((s) => hit.has(s)) },
    interventions: withScope,
    unaddressed: inScope.filter((p) => !addressed.has(p.id)),
    outOfScope: pains.length - inScope.length,
  }
}
