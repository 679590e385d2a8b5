import { derivePerimeter, type PainSnapshot } from '../../../../shared/domain/perimeter.ts'
import { readInterventions } from '../../../../shared/schema/interventions.ts'
import { readPains } from '../../../../shared/schema/journey.ts'
import { readNamedList } from '../../../../shared/schema/setup.ts'
import { useDocValue, useSession } from '../../collab/hooks.ts'
import { ShortList } from '../../components/ShortList.tsx'
import { useTranslation } from '../../i18n/translation.tsx'

/**
 * The scope as meeting 1 states it, derived live from the map and the flip chart: pains and
 * enhancements in scope, customers hit, candidate interventions. Outputs prints this.
 */
export function PerimeterPanel() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const model = useDocValue(doc, () => {
    const stages = readNamedList(doc, 'stages')
    const segments = readNamedList(doc, 'segments')
    return {
      stages,
      segments,
      perimeter: derivePerimeter(
        stages.map((s) => s.id),
        segments.map((s) => s.id),
        readPains(doc),
        readInterventions(doc).map(({ id, title, painIds }) => ({ id, title, painIds })),
      ),
    }
  })
  const { perimeter, stages, segments } = model
  const stageName = (id: string) => stages.find((s) => s.id === id)?.name ?? ''
  const item = (p: PainSnapshot) => (
    <li key={p.id}>
      <span className="font-medium">{p.text || t('meeting1.pain.untitled')}</span>{' '}
      <span className="text-slate-600">
        ({stageName(p.stageId)} · {t('meeting1.perimeter.severity', { value: p.severity })})
      </span>
    </li>
  )

  return (
    <section
      aria-labelledby="perimeter-heading"
      className="grid gap-3 rounded-lg border-2 border-indigo-200 bg-white p-4"
      data-testid="perimeter"
    >
      <h3 id="perimeter-heading" className="text-xl font-semibold">
        {t('meeting1.perimeter.heading')}
      </h3>
      <div>
        <h4 className="font-semibold">{t('meeting1.perimeter.pains', { count: perimeter.pains.length })}</h4>
        {perimeter.pains.length === 0 ? (
          <p className="text-sm text-slate-600">{t('meeting1.perimeter.none')}</p>
        ) : (
          <ShortList
            name={t('meeting1.perimeter.pains', { count: perimeter.pains.length })}
            items={perimeter.pains}
            renderItem={item}
            className="list-disc pl-5 text-sm"
          />
        )}
      </div>
      <div>
        <h4 className="font-semibold">
          {t('meeting1.perimeter.enhancements', { count: perimeter.enhancements.length })}
        </h4>
        {perimeter.enhancements.length === 0 ? (
          <p className="text-sm text-slate-600">{t('meeting1.perimeter.none')}</p>
        ) : (
          <ShortList
            name={t('meeting1.perimeter.enhancements', { count: perimeter.enhancements.length })}
            items={perimeter.enhancements}
            renderItem={item}
            className="list-disc pl-5 text-sm"
          />
        )}
      </div>
      <div>
        <h4 className="font-semibold">{t('meeting1.perimeter.customers')}</h4>
        <p className="text-sm" data-testid="perimeter-customers">
          {perimeter.customers.all
            ? t('meeting1.perimeter.allCustomers')
            : perimeter.customers.segmentIds.map((id) => segments.find((s) => s.id === id)?.name).join(', ')}
        </p>
      </div>
      <div>
        <h4 className="font-semibold">
          {t('meeting1.perimeter.interventions', { count: perimeter.interventions.length })}
        </h4>
        <ul className="list-disc pl-5 text-sm">
          {perimeter.interventions.map((i) => (
            <li key={i.id}>
              <span className="font-medium">{i.title || t('meeting1.interventions.untitled')}</span>{' '}
              <span className={i.addressesScope ? 'text-slate-600' : 'text-amber-800'}>
                {i.addressesScope
                  ? t('meeting1.perimeter.addresses', { count: i.painIds.length })
                  : t('meeting1.perimeter.addressesNothing')}
              </span>
            </li>
          ))}
        </ul>
      </div>
      {perimeter.unaddressed.length > 0 && (
        <div className="rounded bg-amber-50 p-2 text-sm text-amber-900">
          <h4 className="font-semibold">
            {t('meeting1.perimeter.unaddressed', { count: perimeter.unaddressed.length })}
          </h4>
          <ShortList
            name={t('meeting1.perimeter.unaddressed', { count: perimeter.unaddressed.length })}
            items={perimeter.unaddressed}
            renderItem={item}
            className="list-disc pl-5"
          />
        </div>
      )}
      <p className="text-xs text-slate-600">
        {t('meeting1.perimeter.outOfScope', { count: perimeter.outOfScope })}
      </p>
    </section>
  )
}
