import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_MINIMUM_ANSWERS } from '../shared/domain/anonymity.ts'

/** Every setting the server reads from the environment, with its default. Listed in README.md. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL: postgres://user:password@host:5432/database')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'a Redis URL: redis://host:6379')
    .optional(),
  CREATE_TOKEN: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(2000),
  RATE_LIMIT_BURST: z.coerce.number().int().positive().default(10_000),
  COMPACT_AFTER_UPDATES: z.coerce.number().int().positive().default(1000),
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  STATIC_DIR: z.string().min(1).default('./dist/client'),
  MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(8 * 1024 * 1024),
  CREATE_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(120),
  IMPORT_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(20),
  JOIN_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(120),
  MAX_PARTICIPANTS: z.coerce.number().int().min(1).max(10_000).default(100),
  MIN_ANONYMOUS_ANSWERS: z.coerce.number().int().min(1).max(100).default(DEFAULT_MINIMUM_ANSWERS),
  VERSION_INTERVAL_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(10),
  VERSION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  WEBHOOK_HOSTS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  WEBHOOK_RETRY_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, 'waits in milliseconds, comma-separated: 1000,10000,60000')
    .optional()
    .transform((list) => list?.split(',').map(Number)),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((value) => value === 'true' || value === '1'),
})

export type Config = Readonly<{
  port: number
  host: string
  dataDir: string
  /** PostgreSQL instead of the embedded SQLite file in dataDir, when set. */
  databaseUrl: string | undefined
  /** Redis connecting the nodes of a cluster (needs databaseUrl: the nodes share PostgreSQL). */
  redisUrl: string | undefined
  createToken: string | undefined
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL']
  maxMessageBytes: number
  rateLimitPerSecond: number
  rateLimitBurst: number
  compactAfterUpdates: number
  roomIdleMs: number
  staticDir: string
  maxBufferedBytes: number
  createLimitPerHour: number
  importLimitPerHour: number
  joinLimitPerHour: number
  trustProxy: boolean
  minAnonymousAnswers: number
  maxParticipants: number
  /** A workshop being edited gets an automatic version this long after its first unsaved change. */
  versionIntervalMs: number
  /** Every version younger than this is kept; older ones thin out to one a day. */
  versionRetentionDays: number
  /** The only hosts webhooks go to, when set; otherwise any host with public addresses only. */
  webhookHosts: readonly string[]
  /** The waits before each retry of a webhook delivery. */
  webhookRetryMs: readonly number[] | undefined
}>

export class ConfigError extends Error {}

const SECRETS = new Set(['CREATE_TOKEN', 'DATABASE_URL', 'REDIS_URL'])

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  )
  const parsed = ConfigSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0])
      // A secret is named, never shown: the message ends up in logs.
      const shown = SECRETS.has(name) ? '(hidden)' : JSON.stringify(env[name])
      return `${name}=${shown}: ${issue.message}`
    })
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const c = parsed.data
  if (c.REDIS_URL && !c.DATABASE_URL)
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL is set without DATABASE_URL: the nodes of a cluster share one PostgreSQL',
    )
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    createToken: c.CREATE_TOKEN,
    logLevel: c.LOG_LEVEL,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    rateLimitPerSecond: c.RATE_LIMIT_PER_SECOND,
    rateLimitBurst: c.RATE_LIMIT_BURST,
    compactAfterUpdates: c.COMPACT_AFTER_UPDATES,
    roomIdleMs: c.ROOM_IDLE_MS,
    staticDir: path.resolve(c.STATIC_DIR),
    maxBufferedBytes: c.MAX_BUFFERED_BYTES,
    createLimitPerHour: c.CREATE_LIMIT_PER_HOUR,
    importLimitPerHour: c.IMPORT_LIMIT_PER_HOUR,
    joinLimitPerHour: c.JOIN_LIMIT_PER_HOUR,
    trustProxy: c.TRUST_PROXY,
    minAnonymousAnswers: c.MIN_ANONYMOUS_ANSWERS,
    maxParticipants: c.MAX_PARTICIPANTS,
    versionIntervalMs: Math.round(c.VERSION_INTERVAL_MINUTES * 60_000),
    versionRetentionDays: c.VERSION_RETENTION_DAYS,
    webhookHosts: c.WEBHOOK_HOSTS,
    webhookRetryMs: c.WEBHOOK_RETRY_MS,
  }
}
