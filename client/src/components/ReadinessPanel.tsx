import { useEffect, useMemo, useState } from 'react'
import { constraintScore } from '../../../shared/domain/actions.ts'
import { readActions } from '../../../shared/schema/actions.ts'
import {
  controlMap,
  readPriorities,
  readRating,
  readScoringRound,
  readSurvey,
  readVote,
} from '../../../shared/schema/control.ts'
import { metaMap, readMeta } from '../../../shared/schema/meta.ts'
import { readRaciCells } from '../../../shared/schema/raci.ts'
import { readNamedList } from '../../../shared/schema/setup.ts'
import { useDocValue, useSession, useYValue } from '../collab/hooks.ts'
import { useTranslation } from '../i18n/translation.tsx'
import { facilitationApi } from '../lib/facilitation-api.ts'
import { ScrollArea } from './ScrollArea.tsx'

type Person = { id: string; name: string; unitId: string | null }
type Answered = Record<string, Set<string> | null>

/**
 * The facilitator's homework check, between and during meetings: per registered participant,
 * the survey, the silent scores and the dots still missing, and the action cards of the areas
 * their unit is R or A for that still lack an owner or scores.
 */
export function ReadinessPanel() {
  const { t } = useTranslation()
  const session = useSession()
  const control = controlMap(session.control)
  const survey = useYValue(control, () => readSurvey(session.control))
  const round = useYValue(control, () => readScoringRound(session.control))
  const vote = useYValue(control, () => readVote(session.control))
  const factors = useYValue(control, () => readRating(session.control, 'factors'))
  const culture = useYValue(control, () => readRating(session.control, 'culture'))
  const kind = useYValue(metaMap(session.content), () => readMeta(session.content).kind)
  const board = useDocValue([session.content, session.control], () => ({
    units: readNamedList(session.content, 'units'),
    actions: readActions(session.content),
    raci: readRaciCells(session.content),
    priorities: readPriorities(session.control),
  }))
  const [people, setPeople] = useState<Person[]>([])
  const [answered, setAnswered] = useState<Answered>({})

  const surveyPath = survey && !survey.hideParticipation ? `/surveys/${survey.id}/participation` : null
  const roundPath = round?.status === 'open' ? `/scoring-rounds/${round.id}/participation` : null
  const votePath = vote?.status === 'open' ? `/votes/${vote.id}/participation` : null
  const factorsPath = factors?.status === 'open' ? `/ratings/${factors.id}/participation` : null
  const culturePath = culture?.status === 'open' ? `/ratings/${culture.id}/participation` : null
  // What each participant has to do depends on the kind of workshop.
  const rounds = useMemo<Record<string, string | null>>(
    () =>
      kind === 'vision'
        ? { factors: factorsPath, culture: culturePath, vote: votePath }
        : { survey: surveyPath, scoring: roundPath, vote: votePath },
    [kind, factorsPath, culturePath, votePath, surveyPath, roundPath],
  )
  const columns = ['name', 'unit', ...Object.keys(rounds), ...(kind === 'vision' ? [] : ['cards'])]
  // biome-ignore lint/correctness/useExhaustiveDependencies: the live counts are the triggers to fetch the names again
  useEffect(() => {
    let cancelled = false
    const names = (path: string | null) =>
      path
        ? facilitationApi.participation(session.workshopId, session.key, path).then(
            (r) => new Set(r.answered),
            () => null,
          )
        : Promise.resolve(null)
    const entries = Object.entries(rounds)
    void Promise.all([
      facilitationApi.participants(session.workshopId, session.key).then(
        (r) => r.participants,
        () => [],
      ),
      Promise.all(entries.map(([, path]) => names(path))),
    ]).then(([list, sets]) => {
      if (cancelled) return
      setPeople(list)
      setAnswered(Object.fromEntries(entries.map(([column], i) => [column, sets[i] ?? null])))
    })
    return () => {
      cancelled = true
    }
  }, [
    session,
    rounds,
    survey?.answered,
    round?.answered,
    vote?.answered,
    factors?.answered,
    culture?.answered,
    survey?.registered,
  ])

  const cardsToComplete = (unitId: string | null) => {
    if (!unitId) return null
    const areas = board.priorities.filter((areaId) => ['R', 'A'].includes(board.raci[areaId]?.[unitId] ?? ''))
    if (areas.length === 0) return null
    const cards = board.actions.filter((a) => a.areaId && areas.includes(a.areaId))
    const incomplete = cards.filter(
      (a) => !a.owner.trim() || a.scores.benefit === null || constraintScore(a.scores) === null,
    )
    return { areas: areas.length, cards: cards.length, incomplete: incomplete.length }
  }
  const cell = (set: Set<string> | null, name: string) =>
    set === null ? '–' : set.has(name) ? `✓ ${t('readiness.done')}` : `✗ ${t('readiness.missing')}`
  return (
    <section
      aria-labelledby="readiness-heading"
      className="grid gap-2 border-b border-slate-200 bg-white p-4"
      data-print="hide"
    >
      <h2 id="readiness-heading" className="text-lg font-semibold">
        {t('readiness.heading')}
      </h2>
      {people.length === 0 ? (
        <p className="text-slate-700">{t('readiness.nobody')}</p>
      ) : (
        <ScrollArea label={t('readiness.heading')}>
          <table className="w-full text-left text-sm" data-testid="readiness">
            <thead>
              <tr className="border-b border-slate-300">
                {columns.map((c) => (
                  <th key={c} scope="col" className="p-1">
                    {t(`readiness.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {people.map((person) => {
                const cards = cardsToComplete(person.unitId)
                return (
                  <tr key={person.id} className="border-b border-slate-100" data-testid="readiness-row">
                    <th scope="row" className="p-1 font-medium">
                      {person.name}
                    </th>
                    <td className="p-1">{board.units.find((u) => u.id === person.unitId)?.name ?? '–'}</td>
                    {Object.keys(rounds).map((column) => (
                      <td key={column} className="p-1">
                        {cell(answered[column] ?? null, person.name)}
                      </td>
                    ))}
                    {kind !== 'vision' && (
                      <td className="p-1">
                        {cards === null
                          ? '–'
                          : cards.cards === 0
                            ? `✗ ${t('readiness.noCards')}`
                            : cards.incomplete === 0
                              ? `✓ ${t('readiness.cardsDone', { count: cards.cards })}`
                              : `✗ ${t('readiness.cardsMissing', { count: cards.incomplete })}`}
                      </td>
                    )}
                  </tr>
                )
              })}
            </tbody>
          </table>
        </ScrollArea>
      )}
    </section>
  )
}
