import { Fragment, useRef } from 'react'
import { recordsOf, recordText, removeRecord } from '../../../../shared/schema/records.ts'
import { readNamedList } from '../../../../shared/schema/setup.ts'
import {
  addMoment,
  addPersona,
  MOTIVATIONS,
  PERSONA_COLOURS,
  PERSONA_TEXTS,
  PERSONALITY,
  type Persona,
  readFactors,
  readMoments,
  readPersonas,
  removePersona,
  setMomentFactor,
  setPersonaField,
  setPersonaSlider,
} from '../../../../shared/schema/vision.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { ScrollArea } from '../../components/ScrollArea.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { useUi } from '../../state/ui.ts'

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?'

/** Personas built together from the method's template, and their moments of truth on the journey. */
export function PersonasStep() {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const personas = useYValue(recordsOf(doc, 'personas'), () => readPersonas(doc))
  return (
    <div className="grid gap-6">
      <div data-print-one="hide">
        <h2 className="text-2xl font-semibold">{t('steps.personas.title')}</h2>
        <p className="text-slate-700">{t('steps.personas.purpose')}</p>
      </div>
      <section aria-labelledby="personas-heading" className="grid gap-3">
        <h3 id="personas-heading" className="text-xl font-semibold" data-print-one="hide">
          {t('vision.personas.heading')}
        </h3>
        <ul className="grid gap-3 xl:grid-cols-2">
          {personas.map((persona) => (
            <PersonaCard key={persona.id} persona={persona} />
          ))}
        </ul>
        {!session.readOnly && (
          <div data-print-one="hide">
            <AddItemForm
              label={t('vision.personas.new')}
              onAdd={(name) =>
                addPersona(doc, name, PERSONA_COLOURS[personas.length % PERSONA_COLOURS.length]!)
              }
            />
          </div>
        )}
      </section>
      <MomentsOfTruth personas={personas} />
    </div>
  )
}

function PersonaCard({ persona }: { persona: Persona }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const readOnly = session.readOnly
  const open = useUi((s) => s.openCards[persona.id] === true)
  const toggleCard = useUi((s) => s.toggleCard)
  const name = persona.name || t('vision.personas.unnamed')
  const card = useRef<HTMLLIElement>(null)
  const print = () => {
    card.current?.classList.add('print-target')
    document.body.dataset.printOne = ''
    window.print()
    delete document.body.dataset.printOne
    card.current?.classList.remove('print-target')
  }
  const slider = (key: string, label: string) => (
    <label key={key} className="grid grid-cols-[9rem_1fr_2.5rem] items-center gap-2 text-sm">
      <span>{label}</span>
      <input
        type="range"
        min={0}
        max={100}
        value={persona.sliders[key] ?? 50}
        disabled={readOnly}
        onChange={(e) => setPersonaSlider(doc, persona.id, key, Number(e.target.value))}
        aria-label={t('vision.personas.sliderOf', { label, name })}
      />
      <output>{persona.sliders[key] ?? 50}</output>
    </label>
  )
  return (
    <li
      ref={card}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid"
      data-testid="persona"
      data-persona={persona.name}
      data-persona-card={persona.id}
    >
      <div className="flex flex-wrap items-center gap-3">
        <span
          aria-hidden="true"
          className="flex size-14 items-center justify-center rounded-full text-xl font-bold text-white"
          style={{ backgroundColor: persona.colour }}
        >
          {initials(persona.name)}
        </span>
        <div className="min-w-0 flex-1 basis-48">
          <CollabText
            text={recordText(doc, 'personas', persona.id, 'name')}
            label={t('vision.personas.fields.name')}
            readOnly={readOnly}
            className="w-full rounded border border-transparent px-1 text-lg font-semibold hover:border-slate-300"
          />
          <p className="px-1 text-sm text-slate-700">
            {[
              persona.age !== null ? t('vision.personas.years', { count: persona.age }) : '',
              persona.texts.occupation,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <div className="flex gap-2 text-sm" data-print="hide">
          <button
            type="button"
            aria-expanded={open}
            onClick={() => toggleCard(persona.id)}
            aria-label={t('vision.personas.open', { name })}
            className="rounded border border-indigo-700 px-2 text-indigo-800"
          >
            {open ? t('meeting3.card.close') : t('meeting3.card.details')}
          </button>
          <button
            type="button"
            onClick={print}
            className="rounded border border-slate-500 px-2"
            aria-label={t('vision.personas.print', { name })}
          >
            {t('vision.personas.printShort')}
          </button>
          {!readOnly && (
            <button
              type="button"
              onClick={() => removePersona(doc, persona.id)}
              aria-label={t('vision.personas.remove', { name })}
              className="rounded border border-red-700 px-2 text-red-800"
            >
              {t('meeting3.card.remove')}
            </button>
          )}
        </div>
      </div>
      {persona.texts.quote && (
        <blockquote className="border-l-4 border-slate-300 pl-3 italic">«{persona.texts.quote}»</blockquote>
      )}
      <PersonaSheet persona={persona} />
      {open && (
        <div className="grid gap-3 print:hidden">
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="grid gap-1 text-sm">
              {t('vision.personas.age')}
              <input
                type="number"
                min={0}
                max={120}
                value={persona.age ?? ''}
                disabled={readOnly}
                onChange={(e) =>
                  setPersonaField(
                    doc,
                    persona.id,
                    'age',
                    e.target.value === ''
                      ? null
                      : Math.max(0, Math.min(120, Math.round(Number(e.target.value)))),
                  )
                }
                className="rounded border border-slate-300 px-2 py-1"
              />
            </label>
            <label className="grid gap-1 text-sm">
              {t('vision.personas.colour')}
              <select
                value={persona.colour}
                disabled={readOnly}
                onChange={(e) => setPersonaField(doc, persona.id, 'colour', e.target.value)}
                className="rounded border border-slate-300 px-2 py-1"
              >
                {PERSONA_COLOURS.map((c, i) => (
                  <option key={c} value={c}>
                    {t(`vision.personas.colours.${i}`)}
                  </option>
                ))}
              </select>
            </label>
            {PERSONA_TEXTS.filter((f) => f !== 'name').map((field) => (
              <label key={field} className="grid gap-1 text-sm">
                {t(`vision.personas.fields.${field}`)}
                <CollabText
                  text={recordText(doc, 'personas', persona.id, field)}
                  label={t(`vision.personas.fields.${field}`)}
                  multiline={['goals', 'frustrations', 'bio'].includes(field)}
                  readOnly={readOnly}
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                />
              </label>
            ))}
          </div>
          <fieldset className="grid gap-1 rounded border border-slate-200 p-2">
            <legend className="px-1 font-medium">{t('vision.personas.motivations')}</legend>
            {MOTIVATIONS.map((m) => slider(m, t(`vision.personas.motivation.${m}`)))}
          </fieldset>
          <fieldset className="grid gap-1 rounded border border-slate-200 p-2">
            <legend className="px-1 font-medium">{t('vision.personas.personalityTraits')}</legend>
            {PERSONALITY.map((p) => slider(p, t(`vision.personas.trait.${p}`)))}
          </fieldset>
        </div>
      )}
    </li>
  )
}

/**
 * The persona as a labelled card on paper, whether its card is open or closed on screen:
 * every field with its name, and each slider's value between its poles.
 */
function PersonaSheet({ persona }: { persona: Persona }) {
  const { t } = useTranslation()
  const fields = PERSONA_TEXTS.filter((f) => f !== 'name' && f !== 'quote' && persona.texts[f])
  return (
    <div className="hidden gap-2 text-sm print:grid" data-testid="persona-sheet">
      <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1">
        {persona.age !== null && (
          <>
            <dt className="font-semibold">{t('vision.personas.age')}</dt>
            <dd>{persona.age}</dd>
          </>
        )}
        {fields.map((field) => (
          <Fragment key={field}>
            <dt className="font-semibold">{t(`vision.personas.fields.${field}`)}</dt>
            <dd className="whitespace-pre-line">{persona.texts[field]}</dd>
          </Fragment>
        ))}
      </dl>
      {(
        [
          ['motivations', MOTIVATIONS, 'motivation'],
          ['personalityTraits', PERSONALITY, 'trait'],
        ] as const
      ).map(([heading, keys, prefix]) => (
        <div key={heading}>
          <p className="font-semibold">{t(`vision.personas.${heading}`)}</p>
          <ul className="grid grid-cols-2 gap-x-3">
            {keys.map((key) => (
              <li key={key}>
                {t(`vision.personas.${prefix}.${key}`)}: {persona.sliders[key] ?? 50} / 100
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  )
}

function MomentsOfTruth({ personas }: { personas: Persona[] }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const stages = useYValue(recordsOf(doc, 'stages'), () => readNamedList(doc, 'stages'))
  const moments = useYValue(recordsOf(doc, 'moments'), () => readMoments(doc))
  const factors = useYValue(recordsOf(doc, 'factors'), () => readFactors(doc))
  const readOnly = session.readOnly
  return (
    <section
      aria-labelledby="moments-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-print-one="hide"
    >
      <h3 id="moments-heading" className="text-xl font-semibold">
        {t('vision.moments.heading')}
      </h3>
      <p className="text-sm text-slate-700">{t('vision.moments.intro')}</p>
      {personas.length === 0 || stages.length === 0 ? (
        <p className="text-slate-700">{t('vision.moments.needs')}</p>
      ) : (
        <ScrollArea label={t('vision.moments.heading')}>
          <table className="min-w-full text-left text-sm" data-testid="moments">
            <thead>
              <tr>
                <th scope="col" className="sticky left-0 z-10 bg-white p-1">
                  {t('vision.moments.persona')}
                </th>
                {stages.map((stage) => (
                  <th key={stage.id} scope="col" className="min-w-48 p-1">
                    {stage.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {personas.map((persona) => (
                <tr key={persona.id} className="border-t border-slate-200 align-top">
                  <th scope="row" className="sticky left-0 z-10 bg-white p-1 align-top">
                    {persona.name || t('vision.personas.unnamed')}
                  </th>
                  {stages.map((stage) => {
                    const moment = moments.find((m) => m.personaId === persona.id && m.stageId === stage.id)
                    const where = { persona: persona.name, stage: stage.name }
                    return (
                      <td key={stage.id} className="p-1" data-testid="moment-cell">
                        {moment ? (
                          <div
                            className="grid gap-1 rounded border-2 border-amber-500 bg-amber-50 p-1"
                            data-testid="moment"
                          >
                            <span className="text-xs font-semibold text-amber-900">
                              ★ {t('vision.moments.mot')}
                            </span>
                            <CollabText
                              text={recordText(doc, 'moments', moment.id, 'excellent')}
                              label={t('vision.moments.excellent', where)}
                              placeholder={t('vision.moments.excellentPlaceholder')}
                              multiline
                              readOnly={readOnly}
                              className="min-h-10 rounded border border-slate-300 bg-white px-1"
                            />
                            <select
                              value={moment.factorId ?? ''}
                              disabled={readOnly}
                              onChange={(e) => setMomentFactor(doc, moment.id, e.target.value || null)}
                              aria-label={t('vision.moments.factor', where)}
                              className="rounded border border-slate-300 px-1"
                            >
                              <option value="">{t('vision.moments.noFactor')}</option>
                              {factors.map((f) => (
                                <option key={f.id} value={f.id}>
                                  {f.name}
                                </option>
                              ))}
                            </select>
                            {!readOnly && (
                              <button
                                type="button"
                                onClick={() => removeRecord(doc, 'moments', moment.id)}
                                aria-label={t('vision.moments.remove', where)}
                                className="justify-self-start text-xs text-red-800 underline"
                              >
                                {t('vision.moments.removeShort')}
                              </button>
                            )}
                          </div>
                        ) : (
                          !readOnly && (
                            <button
                              type="button"
                              onClick={() => addMoment(doc, persona.id, stage.id)}
                              aria-label={t('vision.moments.mark', where)}
                              className="rounded border border-dashed border-slate-400 px-2 py-1 text-xs text-slate-700"
                            >
                              + {t('vision.moments.markShort')}
                            </button>
                          )
                        )}
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </section>
  )
}
