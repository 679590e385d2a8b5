import { type KeyboardEvent, useRef, useState } from 'react'
import {
  RACI_LETTERS,
  type RaciLetter,
  type RaciProblem,
  raciProblems,
  unitLoad,
} from '../../../../shared/domain/raci.ts'
import {
  addSubAction,
  raciMap,
  raciRows,
  readRaciCells,
  readSubActions,
  removeSubAction,
  setRaciCell,
} from '../../../../shared/schema/raci.ts'
import { recordsOf, recordText } from '../../../../shared/schema/records.ts'
import { readNamedList } from '../../../../shared/schema/setup.ts'
import { CollabText } from '../../collab/CollabText.tsx'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { AddItemForm } from '../../components/AddItemForm.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import type { Meeting2Board } from './board.ts'

const NEXT: Record<string, RaciLetter | null> = { '': 'R', R: 'A', A: 'C', C: 'I', I: null }

/**
 * The light RACI: priority areas (and their sub-actions) by organisational unit. A cell takes
 * R, A, C or I by click (cycling), by typing the letter, or cleared with Delete; arrow keys
 * move between cells (one tab stop for the whole grid). The method's rules are checked live.
 */
export function RaciTable({ board }: { board: Meeting2Board }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const units = useYValue(recordsOf(doc, 'units'), () => readNamedList(doc, 'units'))
  const subActions = useYValue(recordsOf(doc, 'subActions'), () => readSubActions(doc))
  const cells = useYValue(raciMap(doc), () => readRaciCells(doc))
  const rows = raciRows(board.priorities, subActions)
  const rowIds = rows.map((r) => r.id)
  const unitIds = units.map((u) => u.id)
  const problems = raciProblems(rowIds, unitIds, cells)
  const load = unitLoad(rowIds, unitIds, cells)
  const [focus, setFocus] = useState({ row: 0, col: 0 })
  const grid = useRef<HTMLTableElement>(null)
  const readOnly = session.readOnly

  const unitName = (id: string) => units.find((u) => u.id === id)?.name || t('setup.unnamed')
  const rowTitle = (rowId: string) =>
    subActions.find((s) => s.id === rowId)?.title ||
    (board.priorities.includes(rowId) ? board.titleOf(rowId) : t('meeting2.raci.untitledAction'))
  const describeProblem = (problem: RaciProblem) => {
    if (problem.problem === 'unit-unused')
      return t('meeting2.raci.problems.unit-unused', { unit: unitName(problem.unitId) })
    if (problem.problem === 'several-accountable')
      return t('meeting2.raci.problems.several-accountable', {
        units: problem.unitIds.map(unitName).join(', '),
      })
    return t(`meeting2.raci.problems.${problem.problem}`)
  }
  const focusCell = (row: number, col: number) => {
    const r = Math.max(0, Math.min(rows.length - 1, row))
    const c = Math.max(0, Math.min(units.length - 1, col))
    setFocus({ row: r, col: c })
    grid.current?.querySelector<HTMLButtonElement>(`[data-cell="${r}:${c}"]`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent, row: number, col: number, rowId: string, unitId: string) => {
    const key = event.key.toUpperCase()
    const moves: Record<string, [number, number]> = {
      ARROWUP: [row - 1, col],
      ARROWDOWN: [row + 1, col],
      ARROWLEFT: [row, col - 1],
      ARROWRIGHT: [row, col + 1],
      HOME: [row, 0],
      END: [row, units.length - 1],
    }
    const move = moves[key]
    if (move) {
      event.preventDefault()
      return focusCell(...move)
    }
    if (readOnly || event.ctrlKey || event.metaKey || event.altKey) return
    if ((RACI_LETTERS as readonly string[]).includes(key)) {
      event.preventDefault()
      setRaciCell(doc, rowId, unitId, key as RaciLetter)
    } else if (key === 'DELETE' || key === 'BACKSPACE') {
      event.preventDefault()
      setRaciCell(doc, rowId, unitId, null)
    }
  }

  if (board.priorities.length === 0) {
    return (
      <section aria-labelledby="raci-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="raci-heading" className="text-lg font-semibold">
          {t('meeting2.raci.heading')}
        </h3>
        <p className="text-slate-700">{t('meeting2.raci.noPriorities')}</p>
      </section>
    )
  }
  return (
    <section
      aria-labelledby="raci-heading"
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id="raci-heading" className="text-lg font-semibold">
        {t('meeting2.raci.heading')}
      </h3>
      <p id="raci-help" className="text-sm text-slate-700">
        {readOnly ? t('meeting2.raci.legend') : `${t('meeting2.raci.legend')} ${t('meeting2.raci.help')}`}
      </p>
      {units.length === 0 && <p className="text-amber-900">{t('meeting2.raci.noUnits')}</p>}
      <div className="overflow-x-auto">
        <table
          ref={grid}
          aria-labelledby="raci-heading"
          aria-describedby="raci-help"
          className="w-full border-collapse text-sm"
          data-testid="raci"
        >
          <thead>
            <tr>
              <th scope="col" className="p-2 text-left">
                {t('meeting2.raci.area')}
              </th>
              {units.map((unit) => (
                <th key={unit.id} scope="col" className="p-2 text-center">
                  {unit.name || t('setup.unnamed')}
                </th>
              ))}
              <th scope="col" className="p-2 text-left">
                {t('meeting2.raci.check')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const rowProblems = problems.filter((p) => 'rowId' in p && p.rowId === row.id)
              return (
                <tr
                  key={row.id}
                  className={`border-t border-slate-200 ${row.kind === 'area' ? 'bg-emerald-50/50' : ''}`}
                  data-testid="raci-row"
                >
                  <th
                    scope="row"
                    className={`p-2 text-left ${row.kind === 'subAction' ? 'pl-6 font-normal' : ''}`}
                  >
                    {row.kind === 'area' ? (
                      <span className="font-semibold">★ {board.titleOf(row.id)}</span>
                    ) : (
                      <span className="flex items-center gap-1">
                        <CollabText
                          text={recordText(doc, 'subActions', row.id, 'title')}
                          label={t('meeting2.raci.actionTitle')}
                          readOnly={readOnly}
                          className="min-w-0 flex-1 rounded border border-transparent px-1 hover:border-slate-300"
                        />
                        {!readOnly && (
                          <button
                            type="button"
                            onClick={() => removeSubAction(doc, row.id)}
                            aria-label={t('meeting2.raci.removeAction', { title: rowTitle(row.id) })}
                            className="rounded px-1 text-red-800"
                          >
                            ✕
                          </button>
                        )}
                      </span>
                    )}
                  </th>
                  {units.map((unit, c) => {
                    const letter = cells[row.id]?.[unit.id] ?? ''
                    return (
                      <td key={unit.id} className="p-1 text-center">
                        <button
                          type="button"
                          data-cell={`${r}:${c}`}
                          tabIndex={focus.row === r && focus.col === c ? 0 : -1}
                          onFocus={() => setFocus({ row: r, col: c })}
                          onClick={() => !readOnly && setRaciCell(doc, row.id, unit.id, NEXT[letter] ?? null)}
                          onKeyDown={(event) => onKeyDown(event, r, c, row.id, unit.id)}
                          aria-label={t('meeting2.raci.cell', {
                            unit: unit.name || t('setup.unnamed'),
                            row: rowTitle(row.id),
                            value: letter ? t(`meeting2.raci.letters.${letter}`) : t('meeting2.raci.empty'),
                          })}
                          aria-disabled={readOnly || undefined}
                          className={`size-11 touch-manipulation rounded border text-base font-bold ${LETTER_STYLE[letter] ?? 'border-slate-300 bg-white'}`}
                        >
                          {letter}
                        </button>
                      </td>
                    )
                  })}
                  <td className="p-2 text-left" data-testid="raci-row-check" aria-live="polite">
                    {rowProblems.length === 0 ? (
                      <span className="text-emerald-800">✓ {t('meeting2.raci.ok')}</span>
                    ) : (
                      <span className="text-red-800">⚠ {rowProblems.map(describeProblem).join(' ')}</span>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr className="border-t-2 border-slate-300">
              <th scope="row" className="p-2 text-left">
                {t('meeting2.raci.load')}
              </th>
              {load.map((unit) => {
                const unused = problems.some((p) => p.problem === 'unit-unused' && p.unitId === unit.unitId)
                return (
                  <td
                    key={unit.unitId}
                    className="p-2 text-center text-xs whitespace-nowrap"
                    data-testid="raci-load"
                  >
                    <span className="block">
                      R {unit.R} · A {unit.A}
                    </span>
                    <span className="block text-slate-600">
                      C {unit.C} · I {unit.I}
                    </span>
                    {unused && (
                      <span className="block font-semibold text-amber-900">
                        ⚠ {t('meeting2.raci.unused')}
                      </span>
                    )}
                  </td>
                )
              })}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      {!readOnly && (
        <div className="grid gap-2 sm:grid-cols-2">
          {board.priorities.map((areaId) => (
            <AddItemForm
              key={areaId}
              compact
              label={t('meeting2.raci.addAction', { area: board.titleOf(areaId) })}
              onAdd={(title) => addSubAction(doc, areaId, title)}
            />
          ))}
        </div>
      )}
      <p className="sr-only" aria-live="polite" data-testid="raci-summary">
        {problems.length === 0
          ? t('meeting2.raci.allOk')
          : t('meeting2.raci.problemCount', { count: problems.length })}
      </p>
    </section>
  )
}

const LETTER_STYLE: Record<string, string> = {
  R: 'border-sky-800 bg-sky-100 text-sky-950',
  A: 'border-violet-800 bg-violet-100 text-violet-950',
  C: 'border-amber-700 bg-amber-50 text-amber-950',
  I: 'border-slate-500 bg-slate-100 text-slate-900',
}
