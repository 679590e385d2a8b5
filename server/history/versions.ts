import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { countRecords } from '../../shared/history/counts.ts'
import { restoreDocument } from '../../shared/history/restore.ts'
import { versionsToForget } from '../../shared/history/retention.ts'
import { roomName } from '../../shared/rooms.ts'
import { readControl } from '../../shared/schema/control.ts'
import type { Logger } from '../log.ts'
import type { Metrics } from '../metrics.ts'
import type { Store, VersionReason, VersionSummary } from '../persistence/store.ts'
import type { Rooms } from '../sync/rooms.ts'
import { repairAndMigrate } from '../workshops/documents.ts'

type HistoryOptions = {
  store: Store
  rooms: Rooms
  log: Logger
  metrics: Metrics
  intervalMs: number
  retentionDays: number
}

/** Saved without anyone asking: skipped when nothing changed since the last version. */
const AUTOMATIC: ReadonlySet<VersionReason> = new Set(['step', 'interval', 'before-restore', 'before-import'])

/**
 * The versions of each workshop: saved on demand, when the facilitator changes step, after
 * ten minutes of activity, before a restore or an import; thinned out by retention; restored
 * as a forward change every screen receives.
 */
/** Saving and restoring a workshop's versions take turns (see Store.exclusive). */
const historyKey = (workshopId: string) => `history:${workshopId}`

export class History {
  /** Workshops with changes since their last version, and the timer that will save one. */
  private readonly pending = new Map<string, NodeJS.Timeout>()

  constructor(private readonly options: HistoryOptions) {}

  /**
   * Saves the workshop's documents as they are now. An automatic version of a state that is
   * already the latest version is not saved again: the latest is returned instead.
   */
  save(workshopId: string, reason: VersionReason, label = ''): Promise<VersionSummary> {
    return this.options.store.exclusive(historyKey(workshopId), () => this.saveNow(workshopId, reason, label))
  }

  private async saveNow(workshopId: string, reason: VersionReason, label: string): Promise<VersionSummary> {
    const { store, rooms } = this.options
    const { content, control } = await rooms.readWorkshop(workshopId, (contentDoc, controlDoc) => ({
      content: {
        update: Y.encodeStateAsUpdate(contentDoc),
        snapshot: Y.snapshot(contentDoc),
        counts: countRecords(contentDoc),
      },
      control: { update: Y.encodeStateAsUpdate(controlDoc), step: readControl(controlDoc).step },
    }))
    const versions = await store.listVersions(workshopId)
    const latest = versions.at(-1)
    if (latest && AUTOMATIC.has(reason) && (await this.holds(latest, content.snapshot))) return latest
    const version = {
      id: randomUUID(),
      workshopId,
      createdAt: Date.now(),
      reason,
      label,
      step: control.step,
      people: rooms.presentNames(roomName(workshopId, 'content')),
      counts: content.counts,
      content: content.update,
      control: control.update,
    }
    await store.addVersion(version)
    this.options.metrics.versionsSaved.inc({ reason })
    const forget = versionsToForget([...versions, version], version.createdAt, this.options.retentionDays)
    if (forget.length > 0) await store.deleteVersions(workshopId, forget)
    const { content: _content, control: _control, ...summary } = version
    return summary
  }

  /** Whether a saved version holds exactly this document state (same inserts, same deletions). */
  private async holds(summary: VersionSummary, snapshot: Y.Snapshot): Promise<boolean> {
    const stored = await this.options.store.getVersion(summary.workshopId, summary.id)
    if (!stored) return false
    const doc = new Y.Doc()
    try {
      Y.applyUpdate(doc, stored.content)
      return Y.equalSnapshots(Y.snapshot(doc), snapshot)
    } finally {
      doc.destroy()
    }
  }

  /** A version the server saves by itself must never break what triggered it: it is logged instead. */
  async saveQuietly(workshopId: string, reason: VersionReason): Promise<void> {
    try {
      await this.save(workshopId, reason)
    } catch (error) {
      this.options.log.warn({ workshop: workshopId, reason, error: String(error) }, 'version not saved')
    }
  }

  /** A committed change to the workshop's content: a version follows once the interval has passed. */
  noteActivity(workshopId: string): void {
    if (this.pending.has(workshopId)) return
    const timer = setTimeout(() => {
      this.pending.delete(workshopId)
      void this.saveQuietly(workshopId, 'interval')
    }, this.options.intervalMs)
    timer.unref()
    this.pending.set(workshopId, timer)
  }

  /**
   * Brings the workshop's content back to a version, as one server change every connected
   * screen receives; the state it replaces is saved first. Returns both versions, or
   * undefined when there is no such version.
   */
  restore(
    workshopId: string,
    versionId: string,
  ): Promise<{ restored: VersionSummary; before: VersionSummary } | undefined> {
    return this.options.store.exclusive(historyKey(workshopId), () => this.restoreNow(workshopId, versionId))
  }

  private async restoreNow(workshopId: string, versionId: string) {
    const { store, rooms } = this.options
    const version = await store.getVersion(workshopId, versionId)
    if (!version) return undefined
    const before = await this.saveNow(workshopId, 'before-restore', '')
    const workshop = await store.getWorkshop(workshopId)
    const source = new Y.Doc()
    try {
      Y.applyUpdate(source, version.content)
      await rooms.applyServerChange(roomName(workshopId, 'content'), 'content', (doc) => {
        restoreDocument(doc, source)
        repairAndMigrate(doc, workshop)
      })
    } finally {
      source.destroy()
    }
    this.options.metrics.versionsRestored.inc()
    const { content: _content, control: _control, ...restored } = version
    return { restored, before }
  }

  /** The workshop is gone: no version will be saved for it. */
  forget(workshopId: string): void {
    clearTimeout(this.pending.get(workshopId))
    this.pending.delete(workshopId)
  }

  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer)
    this.pending.clear()
  }
}
