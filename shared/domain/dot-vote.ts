/**
 * Dot voting on a set of cards: each participant has a number of dots, at most some per card.
 * The server keeps the ballots and publishes nothing per card until the facilitator reveals.
 * Pure: no Yjs.
 */
export const VOTE_TARGETS = ['pains', 'interventions', 'goldenRules', 'factors'] as const
export type VoteTarget = (typeof VOTE_TARGETS)[number]

export type VoteRules = { itemIds: readonly string[]; votesPerPerson: number; maxPerItem: number }
export type DotBallot = { votes: Readonly<Record<string, number>> }

export type DotProblem =
  | { problem: 'unknown-item'; itemId: string }
  | { problem: 'not-a-count'; itemId: string }
  | { problem: 'too-many-on-item'; itemId: string; max: number }
  | { problem: 'too-many-dots'; max: number; used: number }

export function dotBallotProblems(rules: VoteRules, ballot: DotBallot): DotProblem[] {
  const problems: DotProblem[] = []
  const known = new Set(rules.itemIds)
  let used = 0
  for (const [itemId, count] of Object.entries(ballot.votes)) {
    if (!known.has(itemId)) problems.push({ problem: 'unknown-item', itemId })
    else if (!Number.isInteger(count) || count < 0) problems.push({ problem: 'not-a-count', itemId })
    else if (count > rules.maxPerItem)
      problems.push({ problem: 'too-many-on-item', itemId, max: rules.maxPerItem })
    else used += count
  }
  if (used > rules.votesPerPerson)
    problems.push({ problem: 'too-many-dots', max: rules.votesPerPerson, used })
  return problems
}

export type DotResult = { itemId: string; votes: number; rank: number; voters: string[] | null }

/**
 * Dots per item, ranked (1, 2, 2, 4), most voted first and the given order on ties. With
 * `names` (a named vote) each result lists who put dots on it, once per person.
 */
export function tallyDots(
  itemIds: readonly string[],
  ballots: readonly { ballot: DotBallot; name: string }[],
  named: boolean,
): DotResult[] {
  const results = itemIds.map((itemId, order) => {
    const voters = ballots.filter((b) => (b.ballot.votes[itemId] ?? 0) > 0).map((b) => b.name)
    const votes = ballots.reduce((sum, b) => sum + (b.ballot.votes[itemId] ?? 0), 0)
    return { itemId, votes, order, voters: named ? voters.sort((a, b) => a.localeCompare(b)) : null }
  })
  const sorted = [...results].sort((a, b) => b.votes - a.votes || a.order - b.order)
  return sorted.map(({ order: _, ...r }) => ({
    ...r,
    rank: sorted.findIndex((o) => o.votes === r.votes) + 1,
  }))
}

/** What the control document carries: the rules and counts while open, the tally once revealed. */
export type PublishedVote = {
  id: string
  status: 'open' | 'revealed'
  target: VoteTarget
  items: { id: string; title: string }[]
  votesPerPerson: number
  maxPerItem: number
  anonymous: boolean
  answered: number
  registered: number
  results: DotResult[] | null
  /** Below this many answers a closed round publishes no aggregates (0: not anonymous). */
  minimumAnswers: number
}
