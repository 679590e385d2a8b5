import type { Presence } from '../collab/presence.ts'
import { useTranslation } from '../i18n/translation.tsx'

/** "Anna is editing" on a card, in Anna's colour. */
export function EditorsBadge({ editors }: { editors: Presence[] }) {
  const { t } = useTranslation()
  if (editors.length === 0) return null
  return (
    <p className="flex flex-wrap gap-1 text-xs" data-testid="editors">
      {editors.map((person) => (
        <span
          key={person.clientId}
          className="rounded px-1 font-medium text-white"
          style={{ backgroundColor: person.colour }}
        >
          {t('presence.editing', { name: person.name })}
        </span>
      ))}
    </p>
  )
}
