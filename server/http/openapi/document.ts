import { z } from 'zod'
import { type Answer, OPERATIONS, type Operation, type RawAnswer } from './operations.ts'
import { ErrorBody } from './responses.ts'

const isRaw = (answer: Answer): answer is RawAnswer =>
  'contentType' in answer && !(answer instanceof z.ZodType)
const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>
  return rest
}

const DESCRIPTIONS: Record<number, string> = {
  200: 'Done',
  201: 'Created',
  202: 'Accepted: it happens next',
  304: 'Not changed since the ETag sent in If-None-Match',
  400: 'The request is malformed: `error` says what is wrong',
  401: 'No key (or no participant token)',
  403: 'A key or token that does not allow this',
  404: 'Unknown workshop, programme or item',
  409: 'In conflict with the current state',
  413: 'The body is too large',
  415: 'The body is not JSON',
  423: 'Locked by the facilitator',
  429: 'Too many for this client address: wait for Retry-After seconds',
  503: 'The storage cannot write now: try again after Retry-After seconds',
}

function errorsOf(operation: Operation): number[] {
  const usual = operation.auth === 'key' ? [401, 403, 404] : operation.auth === 'create' ? [401, 403] : []
  const body = operation.body ? [415, 413] : []
  return [
    ...new Set([...usual, ...body, ...(operation.errors ?? []), ...(operation.auth === 'none' ? [] : [503])]),
  ]
    .filter((status) => !(status in operation.responses))
    .sort()
}

function operationObject(operation: Operation) {
  const parameters = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  if (operation.token)
    parameters.push({
      name: 'X-Participant-Token',
      in: 'header',
      required: false,
      schema: { type: 'string' },
    } as (typeof parameters)[number])
  const responses: Record<string, unknown> = {}
  for (const [status, answer] of Object.entries(operation.responses)) {
    responses[status] = {
      description: DESCRIPTIONS[Number(status)] ?? 'Answer',
      ...(isRaw(answer)
        ? answer.contentType && { content: { [answer.contentType]: { schema: { type: 'string' } } } }
        : { content: { 'application/json': { schema: jsonSchema(answer, 'output') } } }),
    }
  }
  for (const status of errorsOf(operation))
    responses[status] = {
      description: DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    }
  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(parameters.length > 0 && { parameters }),
    ...(operation.auth === 'key' && {
      security: operation.token ? [{ key: [], participantToken: [] }, { key: [] }] : [{ key: [] }],
    }),
    ...(operation.auth === 'create' && { security: [{}, { createToken: [] }] }),
    ...(operation.auth === 'none' && { security: [] }),
    ...(operation.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
      },
    }),
    responses,
  }
}

let built: object | null = null

/** The OpenAPI 3.1 description of every endpoint, built once from the operations table and the server's own schemas. */
export function openApiDocument(): object {
  if (built) return built
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of OPERATIONS) {
    paths[operation.path] ??= {}
    paths[operation.path]![operation.method] = operationObject(operation)
  }
  built = {
    openapi: '3.1.0',
    info: {
      title: 'Tavolo API',
      version: '1',
      description:
        "Tavolo's HTTP API. A workshop's key (facilitator, participant or viewer) goes in `Authorization: Bearer <key>` (or `?key=`); a participant's personal token, from registering, in `X-Participant-Token`. Every JSON body needs `Content-Type: application/json` and stays under 64 KiB (imports: 5 MiB). The documents themselves are served over the y-websocket protocol at `/ws/<workshopId>` and `/ws/<workshopId>/control`.",
    },
    servers: [{ url: '/' }],
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
      securitySchemes: {
        key: { type: 'http', scheme: 'bearer', description: "A workshop's or programme's key" },
        participantToken: { type: 'apiKey', in: 'header', name: 'X-Participant-Token' },
        createToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'CREATE_TOKEN, when the server is configured with one',
        },
      },
    },
    paths,
  }
  return built
}
