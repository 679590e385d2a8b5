import { z } from 'zod'

/** The bodies the API answers with, as the OpenAPI description states them and the conformance test checks them. */
export const ErrorBody = z
  .object({
    error: z.string(),
    /** A refused ballot: each problem with the item and axis it is about. */
    problems: z.array(z.looseObject({ problem: z.string() })).optional(),
  })
  .describe('What is wrong, in English')
const Keys = z.object({ facilitator: z.string(), participant: z.string(), viewer: z.string() })
const Role = z.enum(['facilitator', 'participant', 'viewer'])
export const WorkshopCreated = z.object({ id: z.string(), title: z.string(), keys: Keys })
export const WorkshopInfo = z.object({
  id: z.string(),
  title: z.string(),
  organisation: z.string(),
  language: z.enum(['it', 'en']),
  role: Role,
  keys: Keys.optional(),
})
export const KeysAnswer = z.object({ keys: Keys })
export const Deleted = z.object({ deleted: z.string() })
export const Registered = z.object({ id: z.string(), token: z.string() })
export const Me = z.object({ id: z.string(), name: z.string(), unitId: z.string().nullable() })
export const ParticipantList = z.object({
  participants: z.array(z.looseObject({ id: z.string(), name: z.string() })),
})
export const Removed = z.object({ removed: z.string() })
export const Merged = z.object({ merged: z.string(), into: z.string() })
export const Created = z.object({ id: z.string() })
export const Status = z.looseObject({ status: z.string() })
export const Participation = z.looseObject({ answered: z.array(z.string()), pending: z.array(z.string()) })
export const Stored = z.object({ stored: z.literal(true) })
export const OwnBallot = z.object({ ballot: z.unknown().nullable() })
export const Timer = z.object({ timer: z.looseObject({}), now: z.number() })
export const Now = z.object({ now: z.number() })
const Version = z.looseObject({
  id: z.string(),
  createdAt: z.number(),
  reason: z.string(),
  label: z.string(),
})
export const VersionList = z.object({
  versions: z.array(Version),
  policy: z.object({ intervalMinutes: z.number(), retentionDays: z.number() }),
})
export const VersionSaved = z.object({ version: Version })
export const VersionDocuments = z.object({ version: Version, content: z.string(), control: z.string() })
export const Restored = z.object({ restored: Version, before: Version })
export const ActionUpdate = z.object({
  id: z.string(),
  entryId: z.string(),
  date: z.string(),
  at: z.number(),
  by: z.string().nullable(),
  status: z.enum(['planned', 'in-progress', 'done', 'dropped']),
  percent: z.number(),
  note: z.string(),
})
const Webhook = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  createdAt: z.number(),
})
export const WebhookCreated = Webhook.extend({ secret: z.string() })
export const WebhookList = z.object({ webhooks: z.array(Webhook), events: z.array(z.string()) })
export const WebhookRemoved = z.object({ removed: z.string() })
export const Queued = z.object({ queued: z.literal(true) })
export const Deliveries = z.object({
  deliveries: z.array(
    z.object({
      id: z.string(),
      webhookId: z.string(),
      event: z.string(),
      status: z.enum(['pending', 'delivered', 'failed']),
      attempts: z.number(),
      responseStatus: z.number().nullable(),
      error: z.string().nullable(),
      createdAt: z.number(),
      updatedAt: z.number(),
      nextAt: z.number().nullable(),
    }),
  ),
})
const ProgrammeKeys = z.object({ facilitator: z.string(), viewer: z.string() })
export const ProgrammeCreated = z.object({ id: z.string(), title: z.string(), keys: ProgrammeKeys })
export const ProgrammeInfo = z.object({
  id: z.string(),
  title: z.string(),
  organisation: z.string(),
  language: z.enum(['it', 'en']),
  role: z.enum(['facilitator', 'viewer']),
  groups: z.array(z.object({ workshopId: z.string(), title: z.string() })),
  keys: ProgrammeKeys.optional(),
})
export const ProgrammeGroups = z.object({ workshops: z.array(z.string()) })
export const Dashboard = z.object({
  programme: z.object({
    id: z.string(),
    title: z.string(),
    organisation: z.string(),
    language: z.enum(['it', 'en']),
  }),
  groups: z.array(z.looseObject({ workshopId: z.string(), title: z.string(), step: z.string() })),
  actions: z.array(
    z.looseObject({ workshopId: z.string(), action: z.string(), status: z.string(), percent: z.number() }),
  ),
  kpis: z.array(z.looseObject({ workshopId: z.string(), name: z.string(), state: z.string() })),
  units: z.array(
    z.object({ unit: z.string(), responsible: z.number(), accountable: z.number(), groups: z.number() }),
  ),
})
export const Health = z.object({
  ok: z.boolean(),
  store: z.enum(['sqlite', 'postgresql']),
  fanout: z.literal('redis').optional(),
  error: z.string().optional(),
})
