import pg from 'pg'
import * as Y from 'yjs'
import { roomName } from '../../shared/rooms.ts'
import type { Logger } from '../log.ts'
import { KeyedMutex } from './keyed-mutex.ts'
import {
  type BallotRecord,
  type DeliveryRow,
  deliveryOf,
  deliveryRow,
  type ParticipantRecord,
  type ProgrammeRow,
  programmeOf,
  type RoundKind,
  StorageUnavailableError,
  type Store,
  type SurveyRecord,
  type VersionRecord,
  type VersionSummary,
  type WebhookRow,
  type WorkshopRecord,
  webhookOf,
} from './store.ts'

/** The same tables as the SQLite store's, in PostgreSQL's types. */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  facilitator_key_hash TEXT NOT NULL,
  participant_key_hash TEXT NOT NULL,
  viewer_key_hash TEXT NOT NULL,
  sealed_keys TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  room TEXT PRIMARY KEY,
  data BYTEA NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq BIGSERIAL PRIMARY KEY,
  room TEXT NOT NULL,
  data BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_room ON doc_updates (room, seq);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  name TEXT NOT NULL,
  unit_id TEXT,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  browser_hash TEXT
);
CREATE INDEX IF NOT EXISTS participants_workshop ON participants (workshop_id, created_at);
CREATE TABLE IF NOT EXISTS participant_tokens (
  token_hash TEXT PRIMARY KEY,
  participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  workshop_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS surveys (
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  kind TEXT NOT NULL DEFAULT 'survey',
  definition TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS surveys_workshop ON surveys (workshop_id, kind, created_at);
CREATE TABLE IF NOT EXISTS ballots (
  survey_id TEXT NOT NULL REFERENCES surveys (id),
  participant_id TEXT NOT NULL REFERENCES participants (id),
  ballot TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (survey_id, participant_id)
);
CREATE INDEX IF NOT EXISTS ballots_participant ON ballots (participant_id);
CREATE TABLE IF NOT EXISTS versions (
  seq BIGSERIAL UNIQUE,
  id TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  created_at BIGINT NOT NULL,
  reason TEXT NOT NULL,
  label TEXT NOT NULL,
  step TEXT NOT NULL,
  people TEXT NOT NULL,
  counts TEXT NOT NULL,
  content BYTEA NOT NULL,
  control BYTEA NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_workshop ON versions (workshop_id, created_at, seq);
CREATE TABLE IF NOT EXISTS write_probe (id INTEGER PRIMARY KEY, at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS programmes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  organisation TEXT NOT NULL,
  language TEXT NOT NULL,
  created_at BIGINT NOT NULL,
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
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  event TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts BIGINT NOT NULL,
  response_status BIGINT,
  error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  next_at BIGINT
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_workshop ON webhook_deliveries (workshop_id, created_at);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_at);
CREATE TABLE IF NOT EXISTS programme_workshops (
  programme_id TEXT NOT NULL REFERENCES programmes (id),
  workshop_id TEXT NOT NULL REFERENCES workshops (id),
  added_at BIGINT NOT NULL,
  seq BIGSERIAL,
  PRIMARY KEY (programme_id, workshop_id)
);
`

/** Any number: nodes that start together create the tables one after the other. */
const SCHEMA_LOCK = 7_160_001

/**
 * SQLSTATE classes and connection errors that mean "the database cannot do it now" (down,
 * unreachable, restarting, out of disk, read-only), as opposed to a bug in a statement.
 */
const UNAVAILABLE_STATES = /^(08|53|57P0|58|25006|40P01)/
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
])

function unavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_ERRNOS.has(code))) return true
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/.test(
    error.message,
  )
}

/** Runs a call; the database's "not now" becomes StorageUnavailableError (nothing was stored). */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (unavailable(error)) throw new StorageUnavailableError(error)
    throw error
  }
}

/** BIGINT columns hold milliseconds and sequence numbers: numbers, not strings. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20
      ? Number
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
}

type Queryable = Pick<pg.PoolClient, 'query'>

const toWorkshop = (row: Record<string, unknown>): WorkshopRecord => ({
  id: row.id as string,
  title: row.title as string,
  organisation: row.organisation as string,
  language: row.language as WorkshopRecord['language'],
  createdAt: row.created_at as number,
  keyHashes: {
    facilitator: row.facilitator_key_hash as string,
    participant: row.participant_key_hash as string,
    viewer: row.viewer_key_hash as string,
  },
  sealedKeys: row.sealed_keys as string,
})

const toParticipant = (row: Record<string, unknown>): ParticipantRecord => ({
  id: row.id as string,
  workshopId: row.workshop_id as string,
  name: row.name as string,
  unitId: (row.unit_id as string | null) ?? null,
  tokenHash: row.token_hash as string,
  createdAt: row.created_at as number,
  browserHash: (row.browser_hash as string | null) ?? null,
})

const toSurvey = (row: Record<string, unknown>): SurveyRecord => ({
  id: row.id as string,
  workshopId: row.workshop_id as string,
  kind: row.kind as RoundKind,
  definition: row.definition as string,
  status: row.status as SurveyRecord['status'],
  createdAt: row.created_at as number,
})

const toBallot = (row: Record<string, unknown>): BallotRecord => ({
  surveyId: row.survey_id as string,
  participantId: row.participant_id as string,
  ballot: row.ballot as string,
  updatedAt: row.updated_at as number,
})

const toVersionSummary = (row: Record<string, unknown>): VersionSummary => ({
  id: row.id as string,
  workshopId: row.workshop_id as string,
  createdAt: row.created_at as number,
  reason: row.reason as VersionSummary['reason'],
  label: row.label as string,
  step: row.step as string,
  people: JSON.parse(row.people as string) as string[],
  counts: JSON.parse(row.counts as string) as Record<string, number>,
})

const bytes = (value: unknown) => new Uint8Array(value as Buffer)

/**
 * The store on PostgreSQL (DATABASE_URL): every table of the SQLite store, so several Tavolo
 * nodes can share one database. A commit is durable when PostgreSQL says so (its own WAL and
 * fsync settings). Connections come from a pool; `exclusive` holds a session advisory lock on
 * a connection of its own, so a lock holder never waits for a connection the others hold.
 */
export async function openPostgresStore(url: string, log?: Logger): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000, types })
  const locks = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000, types })
  // An idle connection that breaks must not take the process with it: the next call reconnects.
  for (const p of [pool, locks])
    p.on('error', (error) => log?.warn({ error: error.message }, 'database connection lost'))

  const query = (text: string, values: unknown[] = []) => guarded(() => pool.query(text, values))
  const rows = async (text: string, values: unknown[] = []) => (await query(text, values)).rows
  const transaction = <T>(work: (client: Queryable) => Promise<T>) =>
    guarded(async () => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await work(client)
        await client.query('COMMIT')
        client.release()
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {})
        client.release(unavailable(error) ? (error as Error) : undefined)
        throw error
      }
    })

  await transaction(async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK])
    await client.query(SCHEMA)
  })

  const mutex = new KeyedMutex()
  const upsertSnapshot = (client: Queryable, room: string, data: Uint8Array, at: number) =>
    client.query(
      `INSERT INTO doc_snapshots (room, data, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (room) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
      [room, data, at],
    )

  return {
    createWorkshop: (w, snapshots) =>
      transaction(async (client) => {
        await client.query(
          `INSERT INTO workshops (id, title, organisation, language, created_at,
             facilitator_key_hash, participant_key_hash, viewer_key_hash, sealed_keys)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            w.id,
            w.title,
            w.organisation,
            w.language,
            w.createdAt,
            w.keyHashes.facilitator,
            w.keyHashes.participant,
            w.keyHashes.viewer,
            w.sealedKeys,
          ],
        )
        for (const [room, data] of Object.entries(snapshots))
          await upsertSnapshot(client, room, data, w.createdAt)
      }),
    async getWorkshop(id) {
      const [row] = await rows('SELECT * FROM workshops WHERE id = $1', [id])
      return row && toWorkshop(row)
    },
    async replaceKeys(id, keyHashes, sealedKeys) {
      await query(
        `UPDATE workshops SET facilitator_key_hash = $2, participant_key_hash = $3,
           viewer_key_hash = $4, sealed_keys = $5 WHERE id = $1`,
        [id, keyHashes.facilitator, keyHashes.participant, keyHashes.viewer, sealedKeys],
      )
    },
    async loadDocument(room) {
      // One statement, one snapshot of the database: the log read matches the snapshot read.
      const found = await rows(
        `SELECT 0 AS part, 0 AS seq, data FROM doc_snapshots WHERE room = $1
         UNION ALL
         SELECT 1 AS part, seq, data FROM doc_updates WHERE room = $1
         ORDER BY part, seq`,
        [room],
      )
      const snapshot = found.find((row) => row.part === 0)
      return {
        snapshot: snapshot ? bytes(snapshot.data) : null,
        updates: found.filter((row) => row.part === 1).map((row) => bytes(row.data)),
      }
    },
    async appendUpdates(updates) {
      if (updates.length === 0) return
      await query(
        `INSERT INTO doc_updates (room, data)
         SELECT room, data FROM unnest($1::text[], $2::bytea[]) WITH ORDINALITY AS u (room, data, position)
         ORDER BY position`,
        [updates.map((u) => u.room), updates.map((u) => Buffer.from(u.update))],
      )
    },
    compact: (room, snapshot) =>
      transaction(async (client) => {
        // Other nodes may have stored updates this node's snapshot does not hold yet: the new
        // snapshot takes in the stored one and the log, and drops only the rows it took in.
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [room])
        const current = await client.query('SELECT data FROM doc_snapshots WHERE room = $1', [room])
        const log = await client.query('SELECT seq, data FROM doc_updates WHERE room = $1 ORDER BY seq', [
          room,
        ])
        // Through a document, not Y.mergeUpdates: the document collects deleted content.
        const doc = new Y.Doc({ gc: true })
        let merged: Uint8Array
        try {
          for (const update of [
            ...current.rows.map((row) => bytes(row.data)),
            snapshot,
            ...log.rows.map((row) => bytes(row.data)),
          ])
            Y.applyUpdate(doc, update)
          merged = Y.encodeStateAsUpdate(doc)
        } finally {
          doc.destroy()
        }
        await upsertSnapshot(client, room, merged, Date.now())
        const lastSeq = log.rows.at(-1)?.seq as number | undefined
        if (lastSeq !== undefined)
          await client.query('DELETE FROM doc_updates WHERE room = $1 AND seq <= $2', [room, lastSeq])
      }),
    async addParticipant(p) {
      await query(
        `INSERT INTO participants (id, workshop_id, name, unit_id, token_hash, created_at, browser_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [p.id, p.workshopId, p.name, p.unitId, p.tokenHash, p.createdAt, p.browserHash],
      )
    },
    async findParticipant(workshopId, tokenHash) {
      const [row] = await rows(
        `SELECT * FROM participants WHERE workshop_id = $1 AND token_hash = $2
         UNION ALL
         SELECT p.* FROM participant_tokens t JOIN participants p ON p.id = t.participant_id
         WHERE t.workshop_id = $1 AND t.token_hash = $2
         LIMIT 1`,
        [workshopId, tokenHash],
      )
      return row && toParticipant(row)
    },
    listParticipants: async (workshopId) =>
      (
        await rows('SELECT * FROM participants WHERE workshop_id = $1 ORDER BY created_at, id', [workshopId])
      ).map(toParticipant),
    removeParticipant: (workshopId, participantId) =>
      transaction(async (client) => {
        await client.query('DELETE FROM ballots WHERE participant_id = $1', [participantId])
        await client.query('DELETE FROM participant_tokens WHERE participant_id = $1', [participantId])
        await client.query('DELETE FROM participants WHERE workshop_id = $1 AND id = $2', [
          workshopId,
          participantId,
        ])
      }),
    mergeParticipant: (workshopId, from, into) =>
      transaction(async (client) => {
        const {
          rows: [fromRow],
        } = await client.query('SELECT * FROM participants WHERE workshop_id = $1 AND id = $2 FOR UPDATE', [
          workshopId,
          from,
        ])
        if (!fromRow) return
        const ballotsOf = async (id: string) =>
          (await client.query('SELECT survey_id, updated_at FROM ballots WHERE participant_id = $1', [id]))
            .rows as {
            survey_id: string
            updated_at: number
          }[]
        const kept = new Map((await ballotsOf(into)).map((b) => [b.survey_id, b.updated_at]))
        const move = (surveyId: string) =>
          client.query(
            'UPDATE ballots SET participant_id = $1 WHERE participant_id = $2 AND survey_id = $3',
            [into, from, surveyId],
          )
        const drop = (participantId: string, surveyId: string) =>
          client.query('DELETE FROM ballots WHERE participant_id = $1 AND survey_id = $2', [
            participantId,
            surveyId,
          ])
        for (const ballot of await ballotsOf(from)) {
          const theirs = kept.get(ballot.survey_id)
          if (theirs === undefined) await move(ballot.survey_id)
          else if (ballot.updated_at > theirs) {
            await drop(into, ballot.survey_id)
            await move(ballot.survey_id)
          } else await drop(from, ballot.survey_id)
        }
        await client.query('UPDATE participant_tokens SET participant_id = $1 WHERE participant_id = $2', [
          into,
          from,
        ])
        await client.query('DELETE FROM participants WHERE workshop_id = $1 AND id = $2', [workshopId, from])
        await client.query(
          `INSERT INTO participant_tokens (token_hash, participant_id, workshop_id) VALUES ($1, $2, $3)
           ON CONFLICT (token_hash) DO UPDATE SET participant_id = excluded.participant_id,
             workshop_id = excluded.workshop_id`,
          [fromRow.token_hash, into, workshopId],
        )
      }),
    async createSurvey(s) {
      await query(
        `INSERT INTO surveys (id, workshop_id, kind, definition, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [s.id, s.workshopId, s.kind, s.definition, s.status, s.createdAt],
      )
    },
    async getSurvey(workshopId, surveyId) {
      const [row] = await rows('SELECT * FROM surveys WHERE workshop_id = $1 AND id = $2', [
        workshopId,
        surveyId,
      ])
      return row && toSurvey(row)
    },
    listSurveys: async (workshopId, kind) =>
      (
        await rows('SELECT * FROM surveys WHERE workshop_id = $1 AND kind = $2 ORDER BY created_at, id', [
          workshopId,
          kind,
        ])
      ).map(toSurvey),
    listOpenSurveys: async (kind) =>
      (await rows("SELECT * FROM surveys WHERE status = 'open' AND kind = $1", [kind])).map(toSurvey),
    async setSurveyStatus(surveyId, status) {
      await query('UPDATE surveys SET status = $2 WHERE id = $1', [surveyId, status])
    },
    async setSurveyDefinition(surveyId, definition) {
      await query('UPDATE surveys SET definition = $2 WHERE id = $1', [surveyId, definition])
    },
    async putBallot(b) {
      await query(
        `INSERT INTO ballots (survey_id, participant_id, ballot, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (survey_id, participant_id) DO UPDATE SET ballot = excluded.ballot, updated_at = excluded.updated_at`,
        [b.surveyId, b.participantId, b.ballot, b.updatedAt],
      )
    },
    async getBallot(surveyId, participantId) {
      const [row] = await rows('SELECT * FROM ballots WHERE survey_id = $1 AND participant_id = $2', [
        surveyId,
        participantId,
      ])
      return row && toBallot(row)
    },
    listBallots: async (surveyId) =>
      (
        await rows('SELECT * FROM ballots WHERE survey_id = $1 ORDER BY updated_at, participant_id', [
          surveyId,
        ])
      ).map(toBallot),
    async addVersion(v) {
      await query(
        `INSERT INTO versions (id, workshop_id, created_at, reason, label, step, people, counts, content, control)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          v.id,
          v.workshopId,
          v.createdAt,
          v.reason,
          v.label,
          v.step,
          JSON.stringify(v.people),
          JSON.stringify(v.counts),
          Buffer.from(v.content),
          Buffer.from(v.control),
        ],
      )
    },
    listVersions: async (workshopId) =>
      (
        await rows(
          `SELECT id, workshop_id, created_at, reason, label, step, people, counts FROM versions
           WHERE workshop_id = $1 ORDER BY created_at, seq`,
          [workshopId],
        )
      ).map(toVersionSummary),
    async getVersion(workshopId, versionId): Promise<VersionRecord | undefined> {
      const [row] = await rows('SELECT * FROM versions WHERE workshop_id = $1 AND id = $2', [
        workshopId,
        versionId,
      ])
      if (!row) return undefined
      return { ...toVersionSummary(row), content: bytes(row.content), control: bytes(row.control) }
    },
    async deleteVersions(workshopId, ids) {
      if (ids.length === 0) return
      await query('DELETE FROM versions WHERE workshop_id = $1 AND id = ANY($2::text[])', [
        workshopId,
        [...ids],
      ])
    },
    deleteWorkshop: (id) =>
      transaction(async (client) => {
        const rooms = [roomName(id, 'content'), roomName(id, 'control')]
        await client.query(
          'DELETE FROM ballots WHERE survey_id IN (SELECT id FROM surveys WHERE workshop_id = $1)',
          [id],
        )
        for (const table of [
          'surveys',
          'participant_tokens',
          'participants',
          'versions',
          'programme_workshops',
          'webhook_deliveries',
          'webhooks',
        ])
          await client.query(`DELETE FROM ${table} WHERE workshop_id = $1`, [id])
        await client.query('DELETE FROM doc_updates WHERE room = ANY($1::text[])', [rooms])
        await client.query('DELETE FROM doc_snapshots WHERE room = ANY($1::text[])', [rooms])
        await client.query('DELETE FROM workshops WHERE id = $1', [id])
      }),
    async addWebhook(w) {
      await query(
        'INSERT INTO webhooks (id, workshop_id, url, secret, events, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [w.id, w.workshopId, w.url, w.secret, JSON.stringify(w.events), w.createdAt],
      )
    },
    async listWebhooks(workshopId) {
      const found = (await rows('SELECT * FROM webhooks WHERE workshop_id = $1 ORDER BY created_at, id', [
        workshopId,
      ])) as WebhookRow[]
      return found.map(webhookOf)
    },
    removeWebhook: (workshopId, webhookId) =>
      transaction(async (client) => {
        await client.query('DELETE FROM webhook_deliveries WHERE workshop_id = $1 AND webhook_id = $2', [
          workshopId,
          webhookId,
        ])
        await client.query('DELETE FROM webhooks WHERE workshop_id = $1 AND id = $2', [workshopId, webhookId])
      }),
    async putDelivery(d) {
      await query(
        `INSERT INTO webhook_deliveries (id, webhook_id, workshop_id, event, body, status, attempts,
           response_status, error, created_at, updated_at, next_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, attempts = excluded.attempts,
           response_status = excluded.response_status, error = excluded.error,
           updated_at = excluded.updated_at, next_at = excluded.next_at`,
        deliveryRow(d),
      )
    },
    async listDeliveries(workshopId, limit) {
      const found = (await rows(
        'SELECT * FROM webhook_deliveries WHERE workshop_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2',
        [workshopId, limit],
      )) as DeliveryRow[]
      return found.map(deliveryOf)
    },
    async listDueDeliveries(now) {
      const found = (await rows(
        "SELECT * FROM webhook_deliveries WHERE status = 'pending' AND next_at <= $1 ORDER BY next_at",
        [now],
      )) as DeliveryRow[]
      return found.map(deliveryOf)
    },
    async createProgramme(p) {
      await query(
        `INSERT INTO programmes (id, title, organisation, language, created_at,
           facilitator_key_hash, viewer_key_hash, sealed_viewer_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          p.id,
          p.title,
          p.organisation,
          p.language,
          p.createdAt,
          p.keyHashes.facilitator,
          p.keyHashes.viewer,
          p.sealedViewerKey,
        ],
      )
    },
    async getProgramme(id) {
      const [row] = (await rows('SELECT * FROM programmes WHERE id = $1', [id])) as ProgrammeRow[]
      return row && programmeOf(row)
    },
    async addProgrammeWorkshop(programmeId, workshopId, addedAt) {
      await query(
        'INSERT INTO programme_workshops (programme_id, workshop_id, added_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [programmeId, workshopId, addedAt],
      )
    },
    async removeProgrammeWorkshop(programmeId, workshopId) {
      await query('DELETE FROM programme_workshops WHERE programme_id = $1 AND workshop_id = $2', [
        programmeId,
        workshopId,
      ])
    },
    async listProgrammeWorkshops(programmeId) {
      const found = (await rows(
        'SELECT workshop_id FROM programme_workshops WHERE programme_id = $1 ORDER BY added_at, seq',
        [programmeId],
      )) as { workshop_id: string }[]
      return found.map((row) => row.workshop_id)
    },
    async probeWrite() {
      await query(
        'INSERT INTO write_probe (id, at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET at = excluded.at',
        [Date.now()],
      )
    },
    exclusive: (key, critical) =>
      // In turn in this process first, so one process holds at most one connection per key.
      mutex.run(key, async () => {
        const client = await guarded(() => locks.connect())
        let broken: Error | undefined
        try {
          await guarded(() => client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key])).catch(
            (error: Error) => {
              broken = error
              throw error
            },
          )
          try {
            return await critical()
          } finally {
            await client
              .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key])
              .catch((error: Error) => {
                // A lost connection has released its locks with it.
                broken = error
              })
          }
        } finally {
          client.release(broken)
        }
      }),
    async close() {
      await Promise.all([pool.end(), locks.end()])
    },
  }
}
