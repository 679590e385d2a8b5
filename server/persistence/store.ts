import type { Role } from '../../shared/rooms.ts'

/** What the server keeps about a workshop besides its documents. Keys are stored only as hashes. */
export type WorkshopRecord = {
  id: string
  title: string
  organisation: string
  language: 'it' | 'en'
  createdAt: number
  keyHashes: Record<Role, string>
  /** Participant and viewer keys sealed with the facilitator key (see auth.ts). */
  sealedKeys: string
}

/** A person who joined with the participant key; the browser keeps the token, we keep its hash. */
export type ParticipantRecord = {
  id: string
  workshopId: string
  name: string
  unitId: string | null
  tokenHash: string
  createdAt: number
  /** Hash of the browser's own random id, to show the facilitator one browser registering twice. */
  browserHash: string | null
}

/**
 * Rounds of private ballots: the quick survey, meeting 2's silent scoring round and the dot
 * votes share the table (one ballot per participant and round; only aggregates leave the server).
 */
export type RoundKind = 'survey' | 'scoring' | 'dots' | 'rating'

export type SurveyRecord = {
  id: string
  workshopId: string
  kind: RoundKind
  /** The survey's definition and options, as JSON (see shared/domain/survey.ts). */
  definition: string
  /** closed = a survey's results or a scoring round's averages are published. */
  status: 'open' | 'closed'
  createdAt: number
}

/** Why a version was saved: by hand, or by the server at a moment worth going back to. */
export type VersionReason = 'manual' | 'step' | 'interval' | 'before-restore' | 'before-import' | 'imported'

/** A saved state of a workshop's documents, with what the list shows about it. */
export type VersionSummary = {
  id: string
  workshopId: string
  createdAt: number
  reason: VersionReason
  label: string
  /** The facilitator's step when it was saved. */
  step: string
  /** Names of the people connected then. */
  people: string[]
  /** Records per collection (see shared/history/counts.ts). */
  counts: Record<string, number>
}

export type VersionRecord = VersionSummary & { content: Uint8Array; control: Uint8Array }

export type BallotRecord = { surveyId: string; participantId: string; ballot: string; updatedAt: number }

/**
 * The store cannot write now (disk full, read-only or failing storage). Nothing of the failed
 * call was stored; reads may still work, and writes may work again later without a restart.
 */
export class StorageUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`storage cannot write: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
}

export type StoredDocument = { snapshot: Uint8Array | null; updates: Uint8Array[] }

export type PendingUpdate = { room: string; update: Uint8Array }

/**
 * The persistence interface. The embedded SQLite store is the default; a networked
 * implementation (e.g. PostgreSQL) implements the same calls. All calls are synchronous
 * so that "commit, then broadcast" stays a straight line in the server. A write the storage
 * refuses throws StorageUnavailableError and stores nothing of that call.
 */
export interface Store {
  createWorkshop(workshop: WorkshopRecord, initialSnapshots: Record<string, Uint8Array>): void
  getWorkshop(id: string): WorkshopRecord | undefined
  /** New key hashes and sealed keys (the facilitator rotated links); old keys stop working. */
  replaceKeys(id: string, keyHashes: Record<Role, string>, sealedKeys: string): void
  loadDocument(room: string): StoredDocument
  /** Appends every update in one transaction (group commit). */
  appendUpdates(updates: readonly PendingUpdate[]): void
  /** Replaces a room's snapshot and drops its update log, atomically. */
  compact(room: string, snapshot: Uint8Array): void
  addParticipant(participant: ParticipantRecord): void
  findParticipant(workshopId: string, tokenHash: string): ParticipantRecord | undefined
  listParticipants(workshopId: string): ParticipantRecord[]
  /** Removes a registration and its ballots; its token stops working. */
  removeParticipant(workshopId: string, participantId: string): void
  /**
   * Folds `from` into `into`: per round the later ballot of the two is kept as `into`'s, and
   * `from`'s token now speaks for `into`. One transaction.
   */
  mergeParticipant(workshopId: string, from: string, into: string): void
  createSurvey(survey: SurveyRecord): void
  getSurvey(workshopId: string, surveyId: string): SurveyRecord | undefined
  listSurveys(workshopId: string, kind: RoundKind): SurveyRecord[]
  listOpenSurveys(kind: RoundKind): SurveyRecord[]
  setSurveyStatus(surveyId: string, status: SurveyRecord['status']): void
  /** Replaces a round's definition (e.g. a survey reopened with a new closing date). */
  setSurveyDefinition(surveyId: string, definition: string): void
  /** One ballot per participant and survey: a new one replaces the old. */
  putBallot(ballot: BallotRecord): void
  getBallot(surveyId: string, participantId: string): BallotRecord | undefined
  listBallots(surveyId: string): BallotRecord[]
  addVersion(version: VersionRecord): void
  /** Oldest first, without the documents. */
  listVersions(workshopId: string): VersionSummary[]
  getVersion(workshopId: string, versionId: string): VersionRecord | undefined
  deleteVersions(workshopId: string, versionIds: readonly string[]): void
  /** Every row of the workshop (documents, participants, rounds, ballots, versions), in one transaction. */
  deleteWorkshop(id: string): void
  /** Writes a trivial row: succeeds once the storage can write again. */
  probeWrite(): void
  close(): void
}
