import client from 'prom-client'

/** Prometheus metrics of one server instance (own registry, so tests can run several servers). */
export function createMetrics() {
  const registry = new client.Registry()
  const registers = [registry]
  const metrics = {
    registry,
    connections: new client.Gauge({
      name: 'tavolo_connections',
      help: 'Open websocket connections',
      registers,
    }),
    roomsInMemory: new client.Gauge({
      name: 'tavolo_rooms_in_memory',
      help: 'Documents held in memory',
      registers,
    }),
    updatesReceived: new client.Counter({
      name: 'tavolo_updates_received_total',
      help: 'Document updates accepted from clients',
      registers,
    }),
    updatesPersisted: new client.Counter({
      name: 'tavolo_updates_persisted_total',
      help: 'Document updates committed to the store',
      registers,
    }),
    compactions: new client.Counter({
      name: 'tavolo_compactions_total',
      help: 'Update logs compacted into a snapshot',
      registers,
    }),
    persistLatency: new client.Histogram({
      name: 'tavolo_persist_latency_seconds',
      help: 'Time from receiving an update to its commit',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    droppedMessages: new client.Counter({
      name: 'tavolo_dropped_messages_total',
      help: 'Messages ignored, e.g. document content from a read-only connection',
      labelNames: ['reason'] as const,
      registers,
    }),
    storageWritable: new client.Gauge({
      name: 'tavolo_storage_writable',
      help: '1 while the store accepts writes, 0 after it refused one and until a write succeeds',
      registers,
    }),
    failedCommits: new client.Counter({
      name: 'tavolo_failed_commits_total',
      help: 'Group commits the store refused (nothing of them was stored or relayed)',
      registers,
    }),
    updatesNotStored: new client.Counter({
      name: 'tavolo_updates_not_stored_total',
      help: 'Document updates in refused commits; their senders were closed with 1011 to send them again',
      registers,
    }),
    httpRefusals: new client.Counter({
      name: 'tavolo_http_refusals_total',
      help: 'HTTP requests answered with an error, by status (400 bad input, 413 too big, 415 not JSON, 429 rate limited, 503 storage)',
      labelNames: ['status'] as const,
      registers,
    }),
    uncaughtErrors: new client.Counter({
      name: 'tavolo_uncaught_errors_total',
      help: 'Errors that reached the last-resort handler (logged; the server kept serving)',
      registers,
    }),
    fanoutSent: new client.Counter({
      name: 'tavolo_fanout_sent_total',
      help: 'Messages sent to the other nodes (committed updates, presence), by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    fanoutReceived: new client.Counter({
      name: 'tavolo_fanout_received_total',
      help: 'Messages received from the other nodes, by kind',
      labelNames: ['kind'] as const,
      registers,
    }),
    webhookAttempts: new client.Counter({
      name: 'tavolo_webhook_attempts_total',
      help: 'Webhook delivery attempts, by outcome (delivered, retrying, failed)',
      labelNames: ['outcome'] as const,
      registers,
    }),
    catchUps: new client.Counter({
      name: 'tavolo_catch_ups_total',
      help: 'Times the rooms in memory were read again from the store after a gap in cross-node messages',
      registers,
    }),
    storeLatency: new client.Histogram({
      name: 'tavolo_store_latency_seconds',
      help: 'Time of a group commit in the store',
      buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    }),
    refusedWrites: new client.Counter({
      name: 'tavolo_refused_writes_total',
      help: 'Content updates refused by a write rule (reverted before anyone received them), by rule',
      labelNames: ['rule'] as const,
      registers,
    }),
    versionsSaved: new client.Counter({
      name: 'tavolo_versions_saved_total',
      help: 'Versions of workshops saved, by reason (manual, step, interval, before-restore, before-import, imported)',
      labelNames: ['reason'] as const,
      registers,
    }),
    versionsRestored: new client.Counter({
      name: 'tavolo_versions_restored_total',
      help: 'Versions restored by a facilitator',
      registers,
    }),
    rejectedConnections: new client.Counter({
      name: 'tavolo_rejected_connections_total',
      help: 'Connections refused or closed for bad input',
      labelNames: ['reason'] as const,
      registers,
    }),
  }
  metrics.storageWritable.set(1)
  return metrics
}

export type Metrics = ReturnType<typeof createMetrics>
