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

/**
 * A programme groups the improvement groups of one organisation for its managers. It has a
 * facilitator key (adds and removes groups) and a viewer key (reads the dashboard).
 */
export type ProgrammeRecord = {
  id: string
  title: string
  organisation: string
  language: 'it' | 'en'
  createdAt: number
  keyHashes: { facilitator: string; viewer: string }
  /** The viewer key sealed with the facilitator key, as a workshop's share links are. */
  sealedViewerKey: string
}

export type ProgrammeRow = {
  id: string
  title: string
  organisation: string
  language: 'it' | 'en'
  created_at: number | string
  facilitator_key_hash: string
  viewer_key_hash: string
  sealed_viewer_key: string
}

export type WebhookRow = {
  id: string
  workshop_id: string
  url: string
  secret: string
  events: string
  created_at: number | string
}
export const webhookOf = (row: WebhookRow): WebhookRecord => ({
  id: row.id,
  workshopId: row.workshop_id,
  url: row.url,
  secret: row.secret,
  events: JSON.parse(row.events) as string[],
  createdAt: Number(row.created_at),
})
export type DeliveryRow = {
  id: string
  webhook_id: string
  workshop_id: string
  event: string
  body: string
  status: DeliveryRecord['status']
  attempts: number
  response_status: number | null
  error: string | null
  created_at: number | string
  updated_at: number | string
  next_at: number | string | null
}
export const deliveryOf = (row: DeliveryRow): DeliveryRecord => ({
  id: row.id,
  webhookId: row.webhook_id,
  workshopId: row.workshop_id,
  event: row.event,
  body: row.body,
  status: row.status,
  attempts: Number(row.attempts),
  responseStatus: row.response_status === null ? null : Number(row.response_status),
  error: row.error,
  createdAt: Number(row.created_at),
  updatedAt: Number(row.updated_at),
  nextAt: row.next_at === null ? null : Number(row.next_at),
})
export const deliveryRow = (d: DeliveryRecord) => [
  d.id,
  d.webhookId,
  d.workshopId,
  d.event,
  d.body,
  d.status,
  d.attempts,
  d.responseStatus,
  d.error,
  d.createdAt,
  d.updatedAt,
  d.nextAt,
]

/** A programme as both stores read it from its row. */
export const programmeOf = (row: ProgrammeRow): ProgrammeRecord => ({
  id: row.id,
  title: row.title,
  organisation: row.organisation,
  language: row.language,
  createdAt: Number(row.created_at),
  keyHashes: { facilitator: row.facilitator_key_hash, viewer: row.viewer_key_hash },
  sealedViewerKey: row.sealed_viewer_key,
})

/** A facilitator's subscription: `url` receives a signed POST for each of `events`. */
export type WebhookRecord = {
  id: string
  workshopId: string
  url: string
  /** The HMAC-SHA256 key of the signatures (shown to the facilitator once, at registration). */
  secret: string
  events: string[]
  createdAt: number
}

/** One event sent (or being sent) to one webhook, with what the last attempt got. */
export type DeliveryRecord = {
  id: string
  webhookId: string
  workshopId: string
  event: string
  body: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  responseStatus: number | null
  error: string | null
  createdAt: number
  updatedAt: number
  /** When the next attempt is due (pending only). */
  nextAt: number | null
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
 * The persistence interface: the embedded SQLite store (the default) and PostgreSQL implement
 * it, and one test suite (tests/unit/server/store-contract.test.ts) runs against both. Every
 * call is asynchronous; the server still commits an update before anyone receives it (see
 * sync/rooms.ts). A write the storage refuses rejects with StorageUnavailableError and stores
 * nothing of that call.
 */
export interface Store {
  createWorkshop(workshop: WorkshopRecord, initialSnapshots: Record<string, Uint8Array>): Promise<void>
  getWorkshop(id: string): Promise<WorkshopRecord | undefined>
  /** New key hashes and sealed keys (the facilitator rotated links); old keys stop working. */
  replaceKeys(id: string, keyHashes: Record<Role, string>, sealedKeys: string): Promise<void>
  loadDocument(room: string): Promise<StoredDocument>
  /** Appends every update in one transaction (group commit). */
  appendUpdates(updates: readonly PendingUpdate[]): Promise<void>
  /**
   * Replaces a room's snapshot and drops its update log, atomically. A store shared by several
   * nodes merges what it holds into the new snapshot first (another node's updates may be newer).
   */
  compact(room: string, snapshot: Uint8Array): Promise<void>
  addParticipant(participant: ParticipantRecord): Promise<void>
  findParticipant(workshopId: string, tokenHash: string): Promise<ParticipantRecord | undefined>
  listParticipants(workshopId: string): Promise<ParticipantRecord[]>
  /** Removes a registration and its ballots; its token stops working. */
  removeParticipant(workshopId: string, participantId: string): Promise<void>
  /**
   * Folds `from` into `into`: per round the later ballot of the two is kept as `into`'s, and
   * `from`'s token now speaks for `into`. One transaction.
   */
  mergeParticipant(workshopId: string, from: string, into: string): Promise<void>
  createSurvey(survey: SurveyRecord): Promise<void>
  getSurvey(workshopId: string, surveyId: string): Promise<SurveyRecord | undefined>
  listSurveys(workshopId: string, kind: RoundKind): Promise<SurveyRecord[]>
  listOpenSurveys(kind: RoundKind): Promise<SurveyRecord[]>
  setSurveyStatus(surveyId: string, status: SurveyRecord['status']): Promise<void>
  /** Replaces a round's definition (e.g. a survey reopened with a new closing date). */
  setSurveyDefinition(surveyId: string, definition: string): Promise<void>
  /** One ballot per participant and survey: a new one replaces the old. */
  putBallot(ballot: BallotRecord): Promise<void>
  getBallot(surveyId: string, participantId: string): Promise<BallotRecord | undefined>
  listBallots(surveyId: string): Promise<BallotRecord[]>
  addVersion(version: VersionRecord): Promise<void>
  /** Oldest first, without the documents. */
  listVersions(workshopId: string): Promise<VersionSummary[]>
  getVersion(workshopId: string, versionId: string): Promise<VersionRecord | undefined>
  deleteVersions(workshopId: string, versionIds: readonly string[]): Promise<void>
  /** Every row of the workshop (documents, participants, rounds, ballots, versions), in one transaction. */
  deleteWorkshop(id: string): Promise<void>
  createProgramme(programme: ProgrammeRecord): Promise<void>
  getProgramme(id: string): Promise<ProgrammeRecord | undefined>
  /** Adds a group to a programme (again: no change). */
  addProgrammeWorkshop(programmeId: string, workshopId: string, addedAt: number): Promise<void>
  removeProgrammeWorkshop(programmeId: string, workshopId: string): Promise<void>
  /** The programme's groups, in the order they were added. */
  listProgrammeWorkshops(programmeId: string): Promise<string[]>
  addWebhook(webhook: WebhookRecord): Promise<void>
  listWebhooks(workshopId: string): Promise<WebhookRecord[]>
  /** Removes a webhook and its delivery log. */
  removeWebhook(workshopId: string, webhookId: string): Promise<void>
  putDelivery(delivery: DeliveryRecord): Promise<void>
  /** The workshop's latest deliveries, newest first. */
  listDeliveries(workshopId: string, limit: number): Promise<DeliveryRecord[]>
  /** Pending deliveries due by `now` (after a restart, what was still to send). */
  listDueDeliveries(now: number): Promise<DeliveryRecord[]>
  /** Writes a trivial row: succeeds once the storage can write again. */
  probeWrite(): Promise<void>
  /**
   * Runs `critical` while no one else runs one for the same key, on any server sharing this
   * store: a round's "still open? then store the ballot" and its closing cannot interleave.
   */
  exclusive<T>(key: string, critical: () => Promise<T>): Promise<T>
  close(): Promise<void>
}
