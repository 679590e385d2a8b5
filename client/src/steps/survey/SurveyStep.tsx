import { useEffect, useRef, useState } from 'react'
import { controlMap, readSurvey } from '../../../../shared/schema/control.ts'
import { useSession, useYValue } from '../../collab/hooks.ts'
import { WithheldNote } from '../../components/WithheldNote.tsx'
import { useTranslation } from '../../i18n/translation.tsx'
import { surveyApi } from '../../lib/survey-api.ts'
import { BallotForm } from './BallotForm.tsx'
import { SurveyBuilder } from './SurveyBuilder.tsx'
import { SurveyResultsView } from './SurveyResultsView.tsx'

/**
 * The quick survey between meetings 1 and 2. The facilitator builds, opens and closes it;
 * participants answer (also from a phone, without the board); everyone reads the results.
 */
export function SurveyStep() {
  const { t } = useTranslation()
  const session = useSession()
  const survey = useYValue(controlMap(session.control), () => readSurvey(session.control))
  const [building, setBuilding] = useState(false)
  const facilitator = session.role === 'facilitator'
  // The builder goes once the survey is open: the keyboard goes on from the survey's status.
  const [justOpened, setJustOpened] = useState(false)
  const status = useRef<HTMLParagraphElement>(null)
  useEffect(() => {
    if (justOpened && survey) {
      status.current?.focus()
      setJustOpened(false)
    }
  }, [justOpened, survey])

  return (
    <div className="mx-auto grid max-w-4xl gap-4">
      <h2 className="text-2xl font-semibold">{t('steps.survey.title')}</h2>
      {!survey && !facilitator && <p className="rounded bg-white p-4">{t('survey.notYet')}</p>}
      {facilitator && (!survey || building) && (
        <SurveyBuilder
          onCreated={() => {
            setBuilding(false)
            setJustOpened(true)
          }}
        />
      )}
      {survey && !building && (
        <>
          <section
            aria-live="polite"
            className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <p ref={status} tabIndex={-1} className="text-lg font-semibold" data-testid="survey-status">
              {survey.status === 'open' ? t('survey.open') : t('survey.closed')}
            </p>
            <p data-testid="survey-count">
              {t('survey.count', { answered: survey.answered, registered: survey.registered })}
            </p>
            {survey.anonymous && <p className="text-sm text-slate-600">{t('survey.anonymousNote')}</p>}
            {survey.closesAt && survey.status === 'open' && (
              <p className="text-sm text-slate-600">
                {t('survey.closesAt', { when: new Date(survey.closesAt).toLocaleString() })}
              </p>
            )}
            {facilitator && (
              <div className="ml-auto flex gap-2">
                <button
                  type="button"
                  onClick={() =>
                    void surveyApi.setOpen(
                      session.workshopId,
                      session.key,
                      survey.id,
                      survey.status !== 'open',
                    )
                  }
                  className="rounded bg-indigo-700 px-3 py-1 font-medium text-white"
                >
                  {survey.status === 'open' ? t('survey.close') : t('survey.reopen')}
                </button>
                {survey.status === 'closed' && (
                  <button
                    type="button"
                    onClick={() => setBuilding(true)}
                    className="rounded border border-indigo-700 px-3 py-1 text-indigo-800"
                  >
                    {t('survey.new')}
                  </button>
                )}
              </div>
            )}
          </section>
          {facilitator && survey.status === 'open' && !survey.hideParticipation && (
            <Participation surveyId={survey.id} answered={survey.answered} registered={survey.registered} />
          )}
          {session.role === 'participant' && survey.status === 'open' && <BallotForm survey={survey} />}
          {survey.status === 'closed' && survey.results && <SurveyResultsView survey={survey} />}
          <WithheldNote
            closed={survey.status === 'closed'}
            answered={survey.answered}
            minimumAnswers={survey.minimumAnswers ?? 0}
          />
        </>
      )}
    </div>
  )
}

/** Who has answered and who not yet: the facilitator's view, refreshed whenever the count moves. */
function Participation({
  surveyId,
  answered,
  registered,
}: {
  surveyId: string
  answered: number
  registered: number
}) {
  const { t } = useTranslation()
  const session = useSession()
  const [people, setPeople] = useState<{ answered: string[]; pending: string[] } | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `answered` and `registered` are the triggers: refetch the names when the live counts move
  useEffect(() => {
    let cancelled = false
    surveyApi.participation(session.workshopId, session.key, surveyId).then(
      (result) => !cancelled && setPeople(result),
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [session, surveyId, answered, registered])
  if (!people) return null
  return (
    <section
      aria-labelledby="participation-heading"
      className="grid gap-2 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2"
    >
      <h3 id="participation-heading" className="sr-only">
        {t('survey.participation')}
      </h3>
      <div>
        <h4 className="font-semibold">{t('survey.pending', { count: people.pending.length })}</h4>
        <ul data-testid="survey-pending" className="list-disc pl-5">
          {people.pending.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </div>
      <div>
        <h4 className="font-semibold">{t('survey.answeredList', { count: people.answered.length })}</h4>
        <ul data-testid="survey-answered" className="list-disc pl-5">
          {people.answered.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      </div>
    </section>
  )
}
