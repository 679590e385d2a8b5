import { derivePerimeter } from '../domain/perimeter.ts'
import type { WorkshopExport } from '../schema/workshop-export.ts'
import { exportLabels } from './labels.ts'

/**
 * Meeting 1's perimeter as the report states it: the same derivation as the board's perimeter
 * panel (shared/domain/perimeter.ts), so both say the same about who is impacted.
 */
export function reportScope(data: WorkshopExport): { items: string[]; customers: string[] } {
  const r = exportLabels(data.meta.language).report
  const perimeter = derivePerimeter(
    data.stages.map((s) => s.id),
    data.segments.map((s) => s.id),
    data.pains,
    data.interventions,
  )
  const stageName = (id: string) => data.stages.find((s) => s.id === id)?.name ?? ''
  return {
    items: [...perimeter.pains, ...perimeter.enhancements].map((p) => `${p.text} (${stageName(p.stageId)})`),
    customers: perimeter.customers.all
      ? [r.allCustomers]
      : perimeter.customers.segmentIds.map((id) => data.segments.find((s) => s.id === id)?.name ?? ''),
  }
}
