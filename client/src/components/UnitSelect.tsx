import { recordsOf } from '../../../shared/schema/records.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { useSession, useYValue } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'

type Props = {
  id?: string
  /** A unit id, or '' for none. */
  value: string
  onChange: (unitId: string) => void
  /** The accessible name, when the select is not inside a <label>. */
  label?: string
  disabled?: boolean
  className?: string
}

/** Picks one of the workshop's organisational units, or none; the list follows Setup live. */
export function UnitSelect({ id, value, onChange, label, disabled, className }: Props) {
  const { t } = useTranslation()
  const doc = useSession().content
  const units = useYValue(recordsOf(doc, 'units'), () => readNamedList(doc, 'units'))
  return (
    <select
      id={id}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      aria-label={label}
      disabled={disabled}
      className={className ?? 'rounded border border-slate-300 px-1 py-1 text-sm disabled:bg-slate-50'}
    >
      <option value="">{t('join.noUnit')}</option>
      {units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name || t('setup.unnamed')}
        </option>
      ))}
    </select>
  )
}
