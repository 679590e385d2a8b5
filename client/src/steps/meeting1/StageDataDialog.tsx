import { type FormEvent, useEffect, useRef, useState } from 'react'
import {
  cesCountsFromScores,
  computeCes,
  computeNps,
  type NpsCounts,
  npsCountsFromScores,
} from '../../../../shared/domain/nps.ts'
import { type ParsedScores, parseScores, type ScoreKind } from '../../../../shared/domain/scores-csv.ts'
import { readStageData, setStageCes, setStageNps } from '../../../../shared/schema/journey-data.ts'
import type { NamedItem } from '../../../../shared/schema/setup.ts'
import { useSession } from '../../collab/hooks.ts'
import { CsvSource } from '../../components/CsvSource.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { versionsApi } from '../../lib/versions-api.ts'

/**
 * Enter a stage's NPS as counts, or import raw NPS / CES scores from pasted or uploaded CSV.
 * A CSV with bad lines imports nothing until the person fixes it or explicitly chooses to
 * import only the valid lines: nothing is dropped silently.
 */
export function StageDataDialog({ stage, onClose }: { stage: NamedItem; onClose: () => void }) {
  const { t } = useTranslation()
  const session = useSession()
  const doc = session.content
  const ref = useRef<HTMLDialogElement>(null)
  const current = readStageData(doc).get(stage.id)
  const [counts, setCounts] = useState<NpsCounts>(
    current?.nps ?? { promoters: 0, passives: 0, detractors: 0 },
  )
  const [kind, setKind] = useState<ScoreKind>('nps')
  const [csv, setCsv] = useState('')
  const [parsed, setParsed] = useState<ParsedScores | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const readOnly = session.readOnly

  useEffect(() => {
    const dialog = ref.current
    dialog?.showModal()
    return () => dialog?.close()
  }, [])

  const saveCounts = (event: FormEvent) => {
    event.preventDefault()
    setStageNps(doc, stage.id, counts.promoters + counts.passives + counts.detractors > 0 ? counts : null)
    setMessage(t('meeting1.data.saved'))
  }
  const importScores = async (scores: number[]) => {
    // The board before the import stays in the history; a server that cannot keep it will not
    // take the import either, and says so through the connection.
    await versionsApi
      .save(session.workshopId, session.key, stage.name, 'before-import')
      .catch(() => undefined)
    if (kind === 'nps') setStageNps(doc, stage.id, npsCountsFromScores(scores))
    else setStageCes(doc, stage.id, cesCountsFromScores(scores))
    setMessage(t('meeting1.data.imported', { count: scores.length }))
    setParsed(null)
    setCsv('')
  }
  const preview =
    parsed && parsed.scores.length > 0
      ? kind === 'nps'
        ? t('meeting1.data.previewNps', { value: computeNps(npsCountsFromScores(parsed.scores))?.nps })
        : t('meeting1.data.previewCes', { value: computeCes(cesCountsFromScores(parsed.scores))?.mean })
      : null
  const numberField = (field: keyof NpsCounts) => (
    <label className="grid gap-1">
      <span>{t(`meeting1.data.${field}`)}</span>
      <input
        type="number"
        min={0}
        step={1}
        value={counts[field]}
        disabled={readOnly}
        onChange={(e) =>
          setCounts({ ...counts, [field]: Math.max(0, Math.floor(Number(e.target.value) || 0)) })
        }
        className="w-24 rounded border border-slate-300 px-2 py-1"
      />
    </label>
  )

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="stage-data-heading"
      className="m-auto w-full max-w-2xl rounded-lg p-0 shadow-xl backdrop:bg-slate-900/50"
    >
      <div className="grid gap-4 p-6">
        <div className="flex items-center justify-between">
          <h3 id="stage-data-heading" className="text-lg font-semibold">
            {t('meeting1.data.heading', { stage: stage.name })}
          </h3>
          <button type="button" onClick={onClose} className="rounded px-2 hover:bg-slate-100">
            {t('share.close')}
          </button>
        </div>
        <form onSubmit={saveCounts} className="grid gap-2">
          <h4 className="font-medium">{t('meeting1.data.countsHeading')}</h4>
          <div className="flex flex-wrap gap-3">
            {numberField('promoters')}
            {numberField('passives')}
            {numberField('detractors')}
          </div>
          {!readOnly && (
            <button type="submit" className="justify-self-start rounded bg-indigo-700 px-3 py-1 text-white">
              {t('meeting1.data.saveCounts')}
            </button>
          )}
        </form>
        {!readOnly && (
          <div className="grid gap-2 border-t border-slate-200 pt-4">
            <h4 className="font-medium">{t('meeting1.data.importHeading')}</h4>
            <label className="flex items-center gap-2">
              <span>{t('meeting1.data.kind')}</span>
              <select
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as ScoreKind)
                  setParsed(null)
                }}
                className="rounded border border-slate-300 px-1"
              >
                <option value="nps">{t('meeting1.data.kindNps')}</option>
                <option value="ces">{t('meeting1.data.kindCes')}</option>
              </select>
            </label>
            <CsvSource
              csv={csv}
              rows={5}
              onEdit={(text) => {
                setCsv(text)
                setParsed(null)
              }}
              onCheck={(text) => {
                setParsed(parseScores(text, kind))
                setMessage(null)
              }}
              labels={{
                paste: t('meeting1.data.paste'),
                upload: t('meeting1.data.upload'),
                check: t('meeting1.data.check'),
              }}
            />
            {parsed && (
              <div
                role="status"
                className="grid gap-2 rounded bg-slate-50 p-3 text-sm"
                data-testid="csv-report"
              >
                <p>
                  {t('meeting1.data.valid', { count: parsed.scores.length })} {preview}
                </p>
                {parsed.errors.length > 0 && (
                  <>
                    <p className="font-medium text-red-800">
                      {t('meeting1.data.invalid', { count: parsed.errors.length })}
                    </p>
                    <ul className="max-h-40 overflow-auto text-red-800">
                      {parsed.errors.map((error) => (
                        <li key={error.line}>
                          {t('meeting1.data.lineError', {
                            line: error.line,
                            text: error.text,
                            problem: t(`meeting1.data.problems.${error.problem}`, {
                              min: kind === 'nps' ? 0 : 1,
                              max: kind === 'nps' ? 10 : 7,
                            }),
                          })}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                {parsed.scores.length > 0 && parsed.errors.length === 0 && (
                  <button
                    type="button"
                    onClick={() => void importScores(parsed.scores)}
                    className="justify-self-start rounded bg-indigo-700 px-3 py-1 text-white"
                  >
                    {t('meeting1.data.import', { count: parsed.scores.length })}
                  </button>
                )}
                {parsed.scores.length > 0 && parsed.errors.length > 0 && (
                  <button
                    type="button"
                    onClick={() => void importScores(parsed.scores)}
                    className="justify-self-start rounded border border-red-800 px-3 py-1 text-red-900"
                  >
                    {t('meeting1.data.importValidOnly', {
                      count: parsed.scores.length,
                      skipped: t('meeting1.data.skippedLines', { count: parsed.errors.length }),
                    })}
                  </button>
                )}
              </div>
            )}
          </div>
        )}
        {message && (
          <p role="status" className="rounded bg-emerald-50 px-3 py-2 text-emerald-900">
            {message}
          </p>
        )}
        {!readOnly && (current?.nps || current?.ces) && (
          <div className="flex gap-2 border-t border-slate-200 pt-3 text-sm">
            {current?.nps && (
              <button
                type="button"
                onClick={() => setStageNps(doc, stage.id, null)}
                className="rounded px-2 text-red-800 underline"
              >
                {t('meeting1.data.clearNps')}
              </button>
            )}
            {current?.ces && (
              <button
                type="button"
                onClick={() => setStageCes(doc, stage.id, null)}
                className="rounded px-2 text-red-800 underline"
              >
                {t('meeting1.data.clearCes')}
              </button>
            )}
          </div>
        )}
      </div>
    </dialog>
  )
}
