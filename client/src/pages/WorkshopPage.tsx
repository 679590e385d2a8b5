import { Suspense, useEffect, useMemo, useRef, useState } from 'react'
import type { Role } from '../../../shared/rooms.ts'
import { controlMap, readControl, readLocks, readSummons } from '../../../shared/schema/control.ts'
import { useAccessProblem, useSession, useSessionLoaded, useYValue } from '../collab/hooks.ts'
import { personTag, usePublishPresence } from '../collab/presence.ts'
import { WorkshopSession } from '../collab/session.ts'
import { SessionContext } from '../collab/session-context.ts'
import { OfflineBanner } from '../components/ConnectionBadge.tsx'
import { FacilitationBar } from '../components/FacilitationBar.tsx'
import { HistoryPanel } from '../components/history/HistoryPanel.tsx'
import { VersionPreview } from '../components/history/VersionPreview.tsx'
import { JoinDialog } from '../components/JoinDialog.tsx'
import { ReadinessPanel } from '../components/ReadinessPanel.tsx'
import { RefusalNotice } from '../components/RefusalNotice.tsx'
import { SharePanel } from '../components/SharePanel.tsx'
import { StepBoundary } from '../components/StepBoundary.tsx'
import { StepNav } from '../components/StepNav.tsx'
import { MyActions, PhoneSurvey, StepLoading, StepView } from '../components/StepView.tsx'
import { useUndoShortcuts } from '../components/UndoRedo.tsx'
import { VotePanel } from '../components/VotePanel.tsx'
import { WorkshopHeader } from '../components/WorkshopHeader.tsx'
import { useTranslation } from '../i18n/translation.tsx'
import { ApiError, fetchWorkshop, type Keys, registerParticipant } from '../lib/api.ts'
import { hideKeyFromAddressBar } from '../lib/links.ts'
import {
  browserId,
  type Identity,
  knownWorkshops,
  loadIdentity,
  rememberTabKey,
  rememberWorkshop,
  saveIdentity,
  tabKeyOf,
} from '../lib/local-memory.ts'
import { useUi } from '../state/ui.ts'

type Granted = { role: Role; key: string; language: 'it' | 'en'; shareKeys: Keys | null }
type Access = Granted | { error: string }

/** Resolves the key of the link (or the one this browser remembers) to a role. */
function useAccess(id: string, keyFromLink: string | null): Access | null {
  const { t } = useTranslation()
  const [access, setAccess] = useState<Access | null>(null)
  useEffect(() => {
    const remembered = knownWorkshops().find((w) => w.id === id)
    const key = keyFromLink ?? tabKeyOf(id) ?? remembered?.key
    if (!key) {
      setAccess({ error: t('access.noKey') })
      return
    }
    let cancelled = false
    fetchWorkshop(id, key).then(
      (info) => {
        if (cancelled) return
        rememberWorkshop({ id, title: info.title, role: info.role, key })
        rememberTabKey(id, key)
        hideKeyFromAddressBar()
        setAccess({ role: info.role, key, language: info.language, shareKeys: info.keys ?? null })
      },
      (error: unknown) => {
        if (cancelled) return
        if (error instanceof ApiError) {
          const reason = error.status === 404 ? 'access.notFound' : 'access.wrongKey'
          setAccess({ error: t(reason) })
        } else if (remembered && remembered.key === key) {
          // Offline: the local copy (IndexedDB) still opens, with the role we knew.
          rememberTabKey(id, key)
          hideKeyFromAddressBar()
          setAccess({ role: remembered.role, key, language: 'it', shareKeys: null })
        } else setAccess({ error: t('access.unreachable') })
      },
    )
    return () => {
      cancelled = true
    }
  }, [id, keyFromLink, t])
  return access
}

export function WorkshopPage({ id, keyFromLink }: { id: string; keyFromLink: string | null }) {
  const { t } = useTranslation()
  const access = useAccess(id, keyFromLink)
  if (!access) return <p className="p-6">{t('workshop.loading')}</p>
  if ('error' in access) {
    return (
      <main className="mx-auto max-w-xl p-6">
        <h1 className="mb-2 text-xl font-semibold">{t('access.heading')}</h1>
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {access.error}
        </p>
        <a href="/" className="mt-4 inline-block text-indigo-800 underline">
          {t('access.home')}
        </a>
      </main>
    )
  }
  return <OpenWorkshop id={id} access={access} />
}

function OpenWorkshop({ id, access }: { id: string; access: Granted }) {
  const { i18n } = useTranslation()
  const [session, setSession] = useState<WorkshopSession | null>(null)
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity(id))
  const chosenLanguage = useUi((s) => s.chosenLanguage)

  useEffect(() => {
    const created = new WorkshopSession(id, access.key, access.role, access.shareKeys)
    setSession(created)
    // For debugging and for tests that try what a user could do from the console; the server
    // enforces roles, so this grants nothing.
    Object.assign(window, { tavoloSession: created })
    return () => created.destroy()
  }, [id, access.key, access.role, access.shareKeys])

  // A participant without a personal token (joined offline, or before tokens existed) gets one.
  useEffect(() => {
    if (access.role !== 'participant' || !identity || identity.token) return
    let cancelled = false
    registerParticipant(id, access.key, { name: identity.name, unitId: identity.unitId }).then(
      ({ token }) => {
        if (cancelled) return
        const registered = { ...identity, token }
        saveIdentity(id, registered)
        setIdentity(registered)
      },
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [access.role, access.key, id, identity])

  useEffect(() => {
    if (!chosenLanguage && i18n.language !== access.language) void i18n.changeLanguage(access.language)
  }, [chosenLanguage, access.language, i18n])

  if (!session) return null
  return <LoadedWorkshop session={session} id={id} identity={identity} setIdentity={setIdentity} />
}

function LoadedWorkshop({
  session,
  id,
  identity,
  setIdentity,
}: {
  session: WorkshopSession
  id: string
  identity: Identity | null
  setIdentity: (identity: Identity) => void
}) {
  const { t } = useTranslation()
  const loaded = useSessionLoaded(session)
  const problem = useAccessProblem(session)
  if (problem) {
    return (
      <main className="mx-auto max-w-xl p-6">
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-red-800">
          {t(
            problem === 'not-found'
              ? 'access.notFound'
              : problem === 'key-replaced'
                ? 'access.keyReplaced'
                : 'access.wrongKey',
          )}
        </p>
      </main>
    )
  }
  if (!loaded) return <p className="p-6">{t('workshop.loading')}</p>
  return (
    <SessionContext.Provider value={session}>
      <WorkshopLayout
        identity={identity}
        onJoin={(joined) => {
          saveIdentity(id, joined)
          setIdentity(joined)
          // The dialog closes: the keyboard goes on from the step's heading, not the page's top.
          focusStepHeading()
        }}
      />
    </SessionContext.Provider>
  )
}

/** Focuses the step's heading, once its chunk has loaded if it has not yet (a few seconds at most). */
function focusStepHeading(): void {
  const focus = () => {
    const heading = document.querySelector<HTMLElement>('#main h2')
    if (!heading) return false
    heading.tabIndex = -1
    heading.focus()
    return true
  }
  requestAnimationFrame(() => {
    if (focus()) return
    const main = document.getElementById('main')
    if (!main) return
    const observer = new MutationObserver(() => focus() && observer.disconnect())
    observer.observe(main, { childList: true, subtree: true })
    setTimeout(() => observer.disconnect(), 5000)
  })
}

/**
 * A participant follows the facilitator's step until they choose another; "bring everyone
 * here" (a counter in the control document) makes everyone follow again.
 */
function useFollowTheFacilitator(session: WorkshopSession) {
  const control = controlMap(session.control)
  const leaderStep = useYValue(control, () => readControl(session.control).step)
  const summons = useYValue(control, () => readSummons(session.control))
  const following = useUi((s) => s.following)
  const setFollowing = useUi((s) => s.setFollowing)
  const setStep = useUi((s) => s.setStep)
  const seenSummons = useRef<number | null>(null)
  const leads = session.role === 'facilitator'
  useEffect(() => {
    if (seenSummons.current !== null && summons !== seenSummons.current && !leads) setFollowing(true)
    seenSummons.current = summons
  }, [summons, leads, setFollowing])
  useEffect(() => {
    if (following && !leads) setStep(leaderStep)
  }, [following, leads, leaderStep, setStep])
  // A facilitator who reloads lands where the room is, once the control document has synced.
  useEffect(() => {
    if (!leads) return
    const provider = session.controlProvider
    const land = () => setStep(readControl(session.control).step)
    if (provider.synced) return land()
    const onSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onSync)
      land()
    }
    provider.on('sync', onSync)
    return () => provider.off('sync', onSync)
  }, [leads, session, setStep])
}

function WorkshopLayout({
  identity,
  onJoin,
}: {
  identity: Identity | null
  onJoin: (identity: Identity) => void
}) {
  const step = useUi((s) => s.step)
  const sharePanelOpen = useUi((s) => s.sharePanelOpen)
  const readinessOpen = useUi((s) => s.readinessOpen)
  const historyOpen = useUi((s) => s.historyOpen)
  const previewVersion = useUi((s) => s.previewVersion)
  const presentation = useUi((s) => s.presentation)
  const session = useSession()
  // The phone links show only the survey, or only the person's own actions: not the board.
  const view = new URLSearchParams(location.hash.slice(1)).get('view')
  const phoneView = view === 'survey' || view === 'actions' ? view : null
  const phoneOnly = phoneView !== null
  useUndoShortcuts(session)
  useFollowTheFacilitator(session)
  const locks = useYValue(controlMap(session.control), () => readLocks(session.control))
  const shownStep = phoneView === 'survey' ? 'survey' : phoneView === 'actions' ? 'followup' : step
  session.setStepLocked(locks.includes(shownStep))
  useEffect(() => {
    document.documentElement.style.fontSize = presentation ? '125%' : ''
  }, [presentation])
  const presence = useMemo(
    () =>
      identity
        ? {
            name: identity.name,
            colour: identity.colour,
            unitId: identity.unitId,
            role: session.role,
            step: shownStep,
            editing: null,
            person: personTag(session.workshopId, browserId()),
          }
        : null,
    [identity, session.role, session.workshopId, shownStep],
  )
  usePublishPresence(session, presence)

  return (
    <div className="flex min-h-screen flex-col bg-slate-50 text-slate-900">
      <WorkshopHeader minimal={phoneOnly} />
      {historyOpen && session.role === 'facilitator' && !phoneOnly && <HistoryPanel />}
      {previewVersion && session.role === 'facilitator' && !phoneOnly ? (
        <VersionPreview key={previewVersion} versionId={previewVersion} />
      ) : (
        <>
          {!phoneOnly && <StepNav />}
          {!phoneOnly && <FacilitationBar step={shownStep} />}
          <RefusalNotice />
          {sharePanelOpen && <SharePanel />}
          {readinessOpen && session.role === 'facilitator' && <ReadinessPanel />}
          <main id="main" className="flex-1 p-4 md:p-6">
            <StepBoundary key={`${shownStep}:${session.readOnly}`}>
              {!phoneOnly && <VotePanel step={shownStep} />}
              {/* Remounted when the lock changes, so every control re-reads whether it may edit. */}
              {phoneOnly ? (
                <Suspense fallback={<StepLoading />}>
                  {phoneView === 'actions' ? <MyActions /> : <PhoneSurvey />}
                </Suspense>
              ) : (
                <StepView step={shownStep} />
              )}
            </StepBoundary>
          </main>
        </>
      )}
      <OfflineBanner />
      {!identity && <JoinDialog onJoin={onJoin} />}
    </div>
  )
}
