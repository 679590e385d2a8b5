import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { roomName } from '../../shared/rooms.ts'
import type { Logger } from '../log.ts'
import { KeyedMutex } from './keyed-mutex.ts'
import {
  type DeliveryRow,
  deliveryOf,
  deliveryRow,
  type PendingUpdate,
  type ProgrammeRow,
  programmeOf,
  type RoundKind,
  StorageUnavailableError,
  type Store,
  type StoredDocument,
  type VersionRecord,
  type VersionSummary,
  type WebhookRow,
  type WorkshopRecord,
  webhookOf,
} from './store.ts'
import { JournalDamagedError, UpdateJournal } from './update-journal.ts'

const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  participant_key_hash TEXT NOT NULL,
  viewer_key_hash TEXT NOT NULL,
  sealed_keys TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  room TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY,
  room TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_room ON doc_updates (room, seq);
CREATE TABLE IF NOT EXISTS journal_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  name TEXT NOT NULL,
  unit_id TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS surveys (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  definition TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS ballots (
  survey_id TEXT NOT NULL REFERENCES surveys (id),
  participant_id TEXT NOT NULL REFERENCES participants (id),
  ballot TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (survey_id, participant_id)
);
CREATE INDEX IF NOT EXISTS participants_workshop ON participants (workshop_id, created_at);
CREATE TABLE IF NOT EXISTS participant_tokens (
  token_hash TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  workshop_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS versions (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  created_at INTEGER NOT NULL,
  reason TEXT NOT NULL,
  label TEXT NOT NULL,
  step TEXT NOT NULL,
  people TEXT NOT NULL,
  counts TEXT NOT NULL,
  content BLOB NOT NULL,
  control BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_workshop ON versions (workshop_id, created_at);
CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS programmes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  viewer_key_hash TEXT NOT NULL,
  sealed_viewer_key TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhooks (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  url TEXT NOT NULL,
  secret TEXT NOT NULL,
  events TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  event TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  response_status INTEGER,
  error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  next_at INTEGER
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_workshop ON webhook_deliveries (workshop_id, created_at);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_at);
CREATE TABLE IF NOT EXISTS programme_workshops (
  programme_id TEXT NOT NULL REFERENCES programmes (id),
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  added_at INTEGER NOT NULL,
  PRIMARY KEY (programme_id, workshop_id)
);
`

type WorkshopRow = {
  id: string
  title: string
  organisation: string
  language: 'it' | 'en'
  created_at: number
  facilitator_key_hash: string
  participant_key_hash: string
  viewer_key_hash: string
  sealed_keys: string
}

/**
 * Pages of write-ahead log (4 KiB each) after which SQLite copies it into the database file,
 * inside the commit that crosses it (SQLite's default). That commit is a copy of the journal
 * into the database, never an update's commit, so no one waits for it but the loop, for a few
 * milliseconds every few seconds of heavy writing.
 */
const WAL_CHECKPOINT_PAGES = 1000
/** How long document updates wait in the journal before they are copied into the database. */
const INGEST_AFTER_MS = 500
/** A journal this large is copied in at once, whatever its age. */
const INGEST_AT_BYTES = 4 << 20

/** The store's calls as SQLite answers them: at once, on the calling thread. */
type Immediate<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : never
}

/** The embedded store: one SQLite file in WAL mode under DATA_DIR. */
export function openSqliteStore(dataDir: string, log?: Logger): Store {
  const immediate = openImmediateStore(dataDir, log)
  const store = {} as Record<string, unknown>
  for (const [name, call] of Object.entries(immediate) as [string, (...args: unknown[]) => unknown][]) {
    store[name] = async (...args: unknown[]) => call(...args)
  }
  // One process owns the file, so a lock in memory is a lock on the store.
  const mutex = new KeyedMutex()
  store.exclusive = <T>(key: string, critical: () => Promise<T>) => mutex.run(key, critical)
  return store as unknown as Store
}

function openImmediateStore(dataDir: string, log?: Logger): Omit<Immediate<Store>, 'exclusive'> {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'tavolo.sqlite')
  const lock = lockDataDir(dataDir)
  const db = new Database(file)
  db.pragma('journal_mode = WAL')
  // A commit reaches the OS before we broadcast, which survives a process crash (SIGKILL).
  // Only power loss could drop the last transactions; FULL would fsync every group commit.
  db.pragma('synchronous = NORMAL')
  db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`)
  db.pragma(`journal_size_limit = ${4 * WAL_CHECKPOINT_PAGES * 4096}`)
  db.exec(SCHEMA)
  dropAutoincrement(db)
  addColumnIfMissing(db, 'surveys', 'kind', "TEXT NOT NULL DEFAULT 'survey'")
  addColumnIfMissing(db, 'participants', 'browser_hash', 'TEXT')

  const insertWorkshop = db.prepare(
    `INSERT INTO workshops (id, title, organisation, language, created_at,
       facilitator_key_hash, participant_key_hash, viewer_key_hash, sealed_keys)
     VALUES (@id, @title, @organisation, @language, @created_at,
       @facilitator_key_hash, @participant_key_hash, @viewer_key_hash, @sealed_keys)`,
  )
  const updateKeys = db.prepare(
    `UPDATE workshops SET facilitator_key_hash = @facilitator, participant_key_hash = @participant,
       viewer_key_hash = @viewer, sealed_keys = @sealedKeys WHERE id = @id`,
  )
  const selectWorkshop = db.prepare<[string], WorkshopRow>('SELECT * FROM workshops WHERE id = ?')
  const selectSnapshot = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM doc_snapshots WHERE room = ?',
  )
  const selectUpdates = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM doc_updates WHERE room = ? ORDER BY seq',
  )
  const insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO doc_updates (room, data) VALUES (?, ?)')
  const upsertSnapshot = db.prepare<[string, Uint8Array, number]>(
    `INSERT INTO doc_snapshots (room, data, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  )
  type ParticipantRow = {
    id: string
    workshop_id: string
    name: string
    unit_id: string | null
    token_hash: string
    created_at: number
    browser_hash: string | null
  }
  const toParticipant = (row: ParticipantRow) => ({
    id: row.id,
    workshopId: row.workshop_id,
    name: row.name,
    unitId: row.unit_id,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    browserHash: row.browser_hash,
  })
  const insertParticipant = db.prepare(
    `INSERT INTO participants (id, workshop_id, name, unit_id, token_hash, created_at, browser_hash)
     VALUES (@id, @workshopId, @name, @unitId, @tokenHash, @createdAt, @browserHash)`,
  )
  const selectParticipant = db.prepare<[string, string, string, string], ParticipantRow>(
    `SELECT * FROM participants WHERE workshop_id = ? AND token_hash = ?
     UNION ALL
     SELECT p.* FROM participant_tokens t JOIN participants p ON p.id = t.participant_id
     WHERE t.workshop_id = ? AND t.token_hash = ?
     LIMIT 1`,
  )
  const deleteParticipantBallots = db.prepare<[string]>('DELETE FROM ballots WHERE participant_id = ?')
  const deleteParticipantTokens = db.prepare<[string]>(
    'DELETE FROM participant_tokens WHERE participant_id = ?',
  )
  const deleteParticipant = db.prepare<[string, string]>(
    'DELETE FROM participants WHERE workshop_id = ? AND id = ?',
  )
  const selectParticipantBallots = db.prepare<[string], { survey_id: string; updated_at: number }>(
    'SELECT survey_id, updated_at FROM ballots WHERE participant_id = ?',
  )
  const moveBallot = db.prepare<[string, string, string]>(
    'UPDATE ballots SET participant_id = ? WHERE participant_id = ? AND survey_id = ?',
  )
  const deleteBallot = db.prepare<[string, string]>(
    'DELETE FROM ballots WHERE participant_id = ? AND survey_id = ?',
  )
  const moveTokens = db.prepare<[string, string]>(
    'UPDATE participant_tokens SET participant_id = ? WHERE participant_id = ?',
  )
  const insertToken = db.prepare<[string, string, string]>(
    'INSERT OR REPLACE INTO participant_tokens (token_hash, participant_id, workshop_id) VALUES (?, ?, ?)',
  )
  const removeOne = db.transaction((workshopId: string, participantId: string) => {
    deleteParticipantBallots.run(participantId)
    deleteParticipantTokens.run(participantId)
    deleteParticipant.run(workshopId, participantId)
  })
  const mergeOne = db.transaction((workshopId: string, from: string, into: string) => {
    const fromRow = db
      .prepare<[string, string], ParticipantRow>(
        'SELECT * FROM participants WHERE workshop_id = ? AND id = ?',
      )
      .get(workshopId, from)
    if (!fromRow) return
    const kept = new Map(selectParticipantBallots.all(into).map((b) => [b.survey_id, b.updated_at]))
    for (const ballot of selectParticipantBallots.all(from)) {
      const theirs = kept.get(ballot.survey_id)
      if (theirs === undefined) moveBallot.run(into, from, ballot.survey_id)
      else if (ballot.updated_at > theirs) {
        deleteBallot.run(into, ballot.survey_id)
        moveBallot.run(into, from, ballot.survey_id)
      } else deleteBallot.run(from, ballot.survey_id)
    }
    moveTokens.run(into, from)
    deleteParticipant.run(workshopId, from)
    insertToken.run(fromRow.token_hash, into, workshopId)
  })
  const selectParticipants = db.prepare<[string], ParticipantRow>(
    'SELECT * FROM participants WHERE workshop_id = ? ORDER BY created_at, id',
  )
  type SurveyRow = {
    id: string
    workshop_id: string
    kind: RoundKind
    definition: string
    status: 'open' | 'closed'
    created_at: number
  }
  type BallotRow = { survey_id: string; participant_id: string; ballot: string; updated_at: number }
  const toSurvey = (row: SurveyRow) => ({
    id: row.id,
    workshopId: row.workshop_id,
    kind: row.kind,
    definition: row.definition,
    status: row.status,
    createdAt: row.created_at,
  })
  const toBallot = (row: BallotRow) => ({
    surveyId: row.survey_id,
    participantId: row.participant_id,
    ballot: row.ballot,
    updatedAt: row.updated_at,
  })
  const insertSurvey = db.prepare(
    `INSERT INTO surveys (id, workshop_id, kind, definition, status, created_at)
     VALUES (@id, @workshopId, @kind, @definition, @status, @createdAt)`,
  )
  const selectSurvey = db.prepare<[string, string], SurveyRow>(
    'SELECT * FROM surveys WHERE workshop_id = ? AND id = ?',
  )
  const selectSurveys = db.prepare<[string, string], SurveyRow>(
    'SELECT * FROM surveys WHERE workshop_id = ? AND kind = ? ORDER BY created_at',
  )
  const selectOpenSurveys = db.prepare<[string], SurveyRow>(
    "SELECT * FROM surveys WHERE status = 'open' AND kind = ?",
  )
  const updateSurveyDefinition = db.prepare<[string, string]>(
    'UPDATE surveys SET definition = ? WHERE id = ?',
  )
  const updateSurveyStatus = db.prepare<[string, string]>('UPDATE surveys SET status = ? WHERE id = ?')
  const upsertBallot = db.prepare(
    `INSERT INTO ballots (survey_id, participant_id, ballot, updated_at) VALUES (@surveyId, @participantId, @ballot, @updatedAt)
     ON CONFLICT (survey_id, participant_id) DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
  )
  const selectBallot = db.prepare<[string, string], BallotRow>(
    'SELECT * FROM ballots WHERE survey_id = ? AND participant_id = ?',
  )
  const selectBallots = db.prepare<[string], BallotRow>(
    'SELECT * FROM ballots WHERE survey_id = ? ORDER BY updated_at',
  )
  const deleteUpdates = db.prepare<[string]>('DELETE FROM doc_updates WHERE room = ?')
  const upsertProbe = db.prepare<[number]>(
    'INSERT INTO write_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
  )

  type VersionRow = {
    id: string
    workshop_id: string
    created_at: number
    reason: VersionSummary['reason']
    label: string
    step: string
    people: string
    counts: string
    content?: Buffer
    control?: Buffer
  }
  const toVersionSummary = (row: VersionRow): VersionSummary => ({
    id: row.id,
    workshopId: row.workshop_id,
    createdAt: row.created_at,
    reason: row.reason,
    label: row.label,
    step: row.step,
    people: JSON.parse(row.people) as string[],
    counts: JSON.parse(row.counts) as Record<string, number>,
  })
  const insertVersion = db.prepare(
    `INSERT INTO versions (id, workshop_id, created_at, reason, label, step, people, counts, content, control)
     VALUES (@id, @workshopId, @createdAt, @reason, @label, @step, @people, @counts, @content, @control)`,
  )
  const selectVersions = db.prepare<[string], VersionRow>(
    `SELECT id, workshop_id, created_at, reason, label, step, people, counts FROM versions
     WHERE workshop_id = ? ORDER BY created_at, rowid`,
  )
  const selectVersion = db.prepare<[string, string], VersionRow>(
    'SELECT * FROM versions WHERE workshop_id = ? AND id = ?',
  )
  const deleteVersion = db.prepare<[string, string]>('DELETE FROM versions WHERE workshop_id = ? AND id = ?')
  const deleteVersionsOf = db.transaction((workshopId: string, ids: readonly string[]) => {
    for (const id of ids) deleteVersion.run(workshopId, id)
  })
  const deleteWorkshopRows = db.transaction((id: string) => {
    const rooms = [roomName(id, 'content'), roomName(id, 'control')]
    for (const statement of [
      'DELETE FROM ballots WHERE survey_id IN (SELECT id FROM surveys WHERE workshop_id = ?)',
      'DELETE FROM surveys WHERE workshop_id = ?',
      'DELETE FROM participant_tokens WHERE workshop_id = ?',
      'DELETE FROM participants WHERE workshop_id = ?',
      'DELETE FROM versions WHERE workshop_id = ?',
      'DELETE FROM programme_workshops WHERE workshop_id = ?',
      'DELETE FROM webhook_deliveries WHERE workshop_id = ?',
      'DELETE FROM webhooks WHERE workshop_id = ?',
    ])
      db.prepare(statement).run(id)
    for (const room of rooms) {
      db.prepare('DELETE FROM doc_updates WHERE room = ?').run(room)
      db.prepare('DELETE FROM doc_snapshots WHERE room = ?').run(room)
    }
    db.prepare('DELETE FROM workshops WHERE id = ?').run(id)
  })

  const compactRoom = db.transaction((room: string, snapshot: Uint8Array) => {
    upsertSnapshot.run(room, snapshot, Date.now())
    deleteUpdates.run(room)
  })
  const createAll = db.transaction((w: WorkshopRecord, snapshots: Record<string, Uint8Array>) => {
    insertWorkshop.run({
      id: w.id,
      title: w.title,
      organisation: w.organisation,
      language: w.language,
      created_at: w.createdAt,
      facilitator_key_hash: w.keyHashes.facilitator,
      participant_key_hash: w.keyHashes.participant,
      viewer_key_hash: w.keyHashes.viewer,
      sealed_keys: w.sealedKeys,
    })
    for (const [room, data] of Object.entries(snapshots)) upsertSnapshot.run(room, data, w.createdAt)
  })

  // Document updates reach the journal first (one append per group commit) and the database
  // in batches. Any other write copies them in first, so the database sees every change in the
  // order it was made; a read of a document adds those not copied yet.
  const selectGeneration = db.prepare<[], number>('SELECT generation FROM journal_state WHERE id = 1').pluck()
  const upsertGeneration = db.prepare<[number]>(
    `INSERT INTO journal_state (id, generation) VALUES (1, ?)
     ON CONFLICT (id) DO UPDATE SET generation = excluded.generation`,
  )
  const copyIn = db.transaction((updates: readonly PendingUpdate[], generation: number) => {
    for (const { room, update } of updates) insertUpdate.run(room, update)
    upsertGeneration.run(generation)
  })
  const { journal, left } = UpdateJournal.open(path.join(dataDir, 'tavolo.journal'))
  const copiedGeneration = selectGeneration.get() ?? 0
  if (left.generation > copiedGeneration && left.updates.length > 0) copyIn(left.updates, left.generation)
  journal.restart(Math.max(left.generation, copiedGeneration) + 1)
  let pending: PendingUpdate[] = []
  let pendingBytes = 0
  let ingestTimer: NodeJS.Timeout | undefined
  const ingest = () => {
    clearTimeout(ingestTimer)
    ingestTimer = undefined
    if (pending.length === 0 && !journal.damaged) return
    const generation = journal.generation
    if (pending.length > 0) copyIn(pending, generation)
    pending = []
    pendingBytes = 0
    journal.restart(generation + 1)
  }
  /** Copies the journal in; if the database refuses, tries again in a second (it is kept). */
  const ingestOrRetry = () => {
    try {
      storageErrors(ingest)
    } catch (error) {
      log?.warn({ error: String(error) }, 'document updates not copied into the database yet')
      ingestLater(1000)
    }
  }
  const ingestLater = (delay: number) => {
    ingestTimer ??= setTimeout(ingestOrRetry, delay).unref()
  }
  const append = (updates: readonly PendingUpdate[]) => {
    if (journal.damaged) ingest()
    journal.append(updates)
    pending.push(...updates)
    for (const { update } of updates) pendingBytes += update.length
    // The updates are stored once in the journal: a database that cannot take them now does
    // not make this commit fail.
    if (pendingBytes >= INGEST_AT_BYTES) ingestOrRetry()
    else ingestLater(INGEST_AFTER_MS)
  }
  /** A write of the store: what the journal holds is copied in first. */
  const writing = <T>(write: () => T): T =>
    storageErrors(() => {
      ingest()
      return write()
    })

  return {
    createWorkshop: (workshop, initialSnapshots) => writing(() => createAll(workshop, initialSnapshots)),
    getWorkshop(id) {
      const row = selectWorkshop.get(id)
      if (!row) return undefined
      return {
        id: row.id,
        title: row.title,
        organisation: row.organisation,
        language: row.language,
        createdAt: row.created_at,
        keyHashes: {
          facilitator: row.facilitator_key_hash,
          participant: row.participant_key_hash,
          viewer: row.viewer_key_hash,
        },
        sealedKeys: row.sealed_keys,
      }
    },
    replaceKeys: (id, keyHashes, sealedKeys) =>
      writing(() => updateKeys.run({ id, sealedKeys, ...keyHashes })),
    loadDocument(room: string): StoredDocument {
      const snapshot = selectSnapshot.get(room)
      const stored = selectUpdates.all(room).map((row) => new Uint8Array(row.data))
      return {
        snapshot: snapshot ? new Uint8Array(snapshot.data) : null,
        updates: [...stored, ...pending.filter((p) => p.room === room).map((p) => p.update)],
      }
    },
    appendUpdates(updates) {
      if (updates.length > 0) storageErrors(() => append(updates))
    },
    compact: (room, snapshot) => writing(() => compactRoom(room, snapshot)),
    addParticipant: (participant) => writing(() => insertParticipant.run(participant)),
    findParticipant(workshopId, tokenHash) {
      const row = selectParticipant.get(workshopId, tokenHash, workshopId, tokenHash)
      return row && toParticipant(row)
    },
    listParticipants: (workshopId) => selectParticipants.all(workshopId).map(toParticipant),
    removeParticipant: (workshopId, participantId) => writing(() => removeOne(workshopId, participantId)),
    mergeParticipant: (workshopId, from, into) => writing(() => mergeOne(workshopId, from, into)),
    createSurvey: (survey) => writing(() => insertSurvey.run(survey)),
    getSurvey(workshopId, surveyId) {
      const row = selectSurvey.get(workshopId, surveyId)
      return row && toSurvey(row)
    },
    listOpenSurveys: (kind) => selectOpenSurveys.all(kind).map(toSurvey),
    listSurveys: (workshopId, kind) => selectSurveys.all(workshopId, kind).map(toSurvey),
    setSurveyStatus: (surveyId, status) => writing(() => updateSurveyStatus.run(status, surveyId)),
    setSurveyDefinition: (surveyId, definition) =>
      writing(() => updateSurveyDefinition.run(definition, surveyId)),
    putBallot: (ballot) => writing(() => upsertBallot.run(ballot)),
    getBallot(surveyId, participantId) {
      const row = selectBallot.get(surveyId, participantId)
      return row && toBallot(row)
    },
    listBallots: (surveyId) => selectBallots.all(surveyId).map(toBallot),
    addVersion: (version) =>
      writing(() =>
        insertVersion.run({
          ...version,
          people: JSON.stringify(version.people),
          counts: JSON.stringify(version.counts),
        }),
      ),
    listVersions: (workshopId) => selectVersions.all(workshopId).map(toVersionSummary),
    getVersion(workshopId: string, versionId: string): VersionRecord | undefined {
      const row = selectVersion.get(workshopId, versionId)
      if (!row?.content || !row.control) return undefined
      return {
        ...toVersionSummary(row),
        content: new Uint8Array(row.content),
        control: new Uint8Array(row.control),
      }
    },
    deleteVersions: (workshopId, ids) => writing(() => deleteVersionsOf(workshopId, ids)),
    deleteWorkshop: (id) => writing(() => deleteWorkshopRows(id)),
    addWebhook: (w) =>
      writing(() =>
        db
          .prepare(
            'INSERT INTO webhooks (id, workshop_id, url, secret, events, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(w.id, w.workshopId, w.url, w.secret, JSON.stringify(w.events), w.createdAt),
      ),
    listWebhooks: (workshopId) =>
      db
        .prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE workshop_id = ? ORDER BY created_at, id')
        .all(workshopId)
        .map(webhookOf),
    removeWebhook: (workshopId, webhookId) =>
      writing(() =>
        db.transaction(() => {
          db.prepare('DELETE FROM webhook_deliveries WHERE workshop_id = ? AND webhook_id = ?').run(
            workshopId,
            webhookId,
          )
          db.prepare('DELETE FROM webhooks WHERE workshop_id = ? AND id = ?').run(workshopId, webhookId)
        })(),
      ),
    putDelivery: (d) =>
      writing(() =>
        db
          .prepare(
            `INSERT INTO webhook_deliveries (id, webhook_id, workshop_id, event, body, status, attempts,
               response_status, error, created_at, updated_at, next_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
               response_status = excluded.response_status, error = excluded.error,
               updated_at = excluded.updated_at, next_at = excluded.next_at`,
          )
          .run(...deliveryRow(d)),
      ),
    listDeliveries: (workshopId, limit) =>
      db
        .prepare<[string, number], DeliveryRow>(
          'SELECT * FROM webhook_deliveries WHERE workshop_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?',
        )
        .all(workshopId, limit)
        .map(deliveryOf),
    listDueDeliveries: (now) =>
      db
        .prepare<[number], DeliveryRow>(
          "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_at <= ? ORDER BY next_at",
        )
        .all(now)
        .map(deliveryOf),
    createProgramme: (p) =>
      writing(() =>
        db
          .prepare(
            `INSERT INTO programmes (id, title, organisation, language, created_at,
               facilitator_key_hash, viewer_key_hash, sealed_viewer_key)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            p.id,
            p.title,
            p.organisation,
            p.language,
            p.createdAt,
            p.keyHashes.facilitator,
            p.keyHashes.viewer,
            p.sealedViewerKey,
          ),
      ),
    getProgramme(id) {
      const row = db.prepare<[string], ProgrammeRow>('SELECT * FROM programmes WHERE id = ?').get(id)
      return row && programmeOf(row)
    },
    addProgrammeWorkshop: (programmeId, workshopId, addedAt) =>
      writing(() =>
        db
          .prepare(
            'INSERT INTO programme_workshops (programme_id, workshop_id, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
          )
          .run(programmeId, workshopId, addedAt),
      ),
    removeProgrammeWorkshop: (programmeId, workshopId) =>
      writing(() =>
        db
          .prepare('DELETE FROM programme_workshops WHERE programme_id = ? AND workshop_id = ?')
          .run(programmeId, workshopId),
      ),
    listProgrammeWorkshops: (programmeId) =>
      db
        .prepare<[string], { workshop_id: string }>(
          'SELECT workshop_id FROM programme_workshops WHERE programme_id = ? ORDER BY added_at, rowid',
        )
        .all(programmeId)
        .map((row) => row.workshop_id),
    probeWrite: () => writing(() => upsertProbe.run(Date.now())),
    close: () => {
      let copied = true
      try {
        ingest()
      } catch (error) {
        copied = false
        log?.error({ error: String(error) }, 'the update journal stays for the next start')
      }
      journal.close(copied)
      db.close()
      lock.close()
    },
  }
}

/** SQLite's answers that mean "cannot write now", as opposed to a bug in the statement. */
const UNAVAILABLE = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|NOMEM|PROTOCOL)/

/**
 * Databases made before 2026-12 numbered updates with AUTOINCREMENT, which writes the
 * sqlite_sequence table in every commit: a third page per commit for nothing, since an update's
 * rowid (the largest plus one) already orders a room's updates. Rebuilt once, in a transaction.
 */
function dropAutoincrement(db: Database.Database): void {
  const table = db
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'doc_updates'")
    .get() as { sql: string } | undefined
  if (!table || !/AUTOINCREMENT/i.test(table.sql)) return
  db.transaction(() => {
    db.exec(`
      CREATE TABLE doc_updates_rebuilt (seq INTEGER PRIMARY KEY, room TEXT NOT NULL, data BLOB NOT NULL);
      INSERT INTO doc_updates_rebuilt (seq, room, data) SELECT seq, room, data FROM doc_updates;
      DROP TABLE doc_updates;
      ALTER TABLE doc_updates_rebuilt RENAME TO doc_updates;
      CREATE INDEX doc_updates_room ON doc_updates (room, seq);
      DELETE FROM sqlite_sequence WHERE name = 'doc_updates';
    `)
  })()
}

/** Runs a write; a refusal of the storage itself becomes StorageUnavailableError (nothing was stored). */
/** The file system's answers that mean "cannot write now" (the journal's appends). */
const FILE_UNAVAILABLE = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EPERM', 'EBADF', 'EFBIG'])

function storageErrors<T>(write: () => T): T {
  try {
    return write()
  } catch (error) {
    if (error instanceof Database.SqliteError && UNAVAILABLE.test(error.code))
      throw new StorageUnavailableError(error)
    if (error instanceof JournalDamagedError) throw new StorageUnavailableError(error)
    const code = (error as NodeJS.ErrnoException | null)?.code
    if (code && FILE_UNAVAILABLE.has(code)) throw new StorageUnavailableError(error)
    throw error
  }
}

/**
 * One server per data directory: the journal has one writer. The lock is an exclusive SQLite
 * lock held for the store's life, which the system releases when the process ends, however.
 */
function lockDataDir(dataDir: string): Database.Database {
  const lock = new Database(path.join(dataDir, 'tavolo.lock'), { timeout: 0 })
  try {
    lock.pragma('locking_mode = EXCLUSIVE')
    lock.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    lock.close()
    if (error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY'))
      throw new Error(`${dataDir} is in use by another Tavolo server: one server per data directory`)
    throw error
  }
  return lock
}

/** Databases created before a column existed get it on open (SQLite has no ADD COLUMN IF NOT EXISTS). */
function addColumnIfMissing(db: Database.Database, table: string, column: string, definition: string): void {
  const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]
  if (!columns.some((c) => c.name === column))
    db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`)
}
