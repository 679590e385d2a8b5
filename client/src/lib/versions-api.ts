import type { StepId } from '../../../shared/steps.ts'
import type { CreatedWorkshop } from './api.ts'
import { workshopCall } from './survey-api.ts'

export type VersionReason = 'manual' | 'step' | 'interval' | 'before-restore' | 'before-import' | 'imported'

export type Version = {
  id: string
  createdAt: number
  reason: VersionReason
  label: string
  step: StepId
  people: string[]
  counts: Record<string, number>
  /** Per collection, since the version before (only in the list). */
  changes: Record<string, number>
}

export type VersionDocuments = { content: Uint8Array; control: Uint8Array }

const path = (versionId: string, action = '') =>
  `/versions/${encodeURIComponent(versionId)}${action ? `/${action}` : ''}`

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

/** The workshop's history (see server/history/versions-route.ts). */
export const versionsApi = {
  list: (workshopId: string, key: string) =>
    workshopCall<{ versions: Version[]; policy: { intervalMinutes: number; retentionDays: number } }>(
      workshopId,
      '/versions',
      key,
    ),
  save: (workshopId: string, key: string, label: string, reason: 'manual' | 'before-import' = 'manual') =>
    workshopCall<{ version: Version }>(workshopId, '/versions', key, {
      method: 'POST',
      body: JSON.stringify({ label, reason }),
    }),
  async open(
    workshopId: string,
    key: string,
    versionId: string,
  ): Promise<VersionDocuments & { version: Version }> {
    const answer = await workshopCall<{ version: Version; content: string; control: string }>(
      workshopId,
      path(versionId),
      key,
    )
    return { version: answer.version, content: bytes(answer.content), control: bytes(answer.control) }
  },
  restore: (workshopId: string, key: string, versionId: string) =>
    workshopCall<{ restored: Version; before: Version }>(workshopId, path(versionId, 'restore'), key, {
      method: 'POST',
    }),
  copy: (workshopId: string, key: string, versionId: string) =>
    workshopCall<CreatedWorkshop>(workshopId, path(versionId, 'copy'), key, { method: 'POST' }),
}
