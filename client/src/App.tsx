import { lazy, Suspense, useEffect, useState } from 'react'
import { parseRoute, type Route } from './lib/links.ts'
import { HomePage } from './pages/HomePage.tsx'
import { WorkshopPage } from './pages/WorkshopPage.tsx'

/** The programme dashboard is for managers: its own chunk, never loaded by a workshop's people. */
const ProgrammePage = lazy(() =>
  import('./pages/ProgrammePage.tsx').then((m) => ({ default: m.ProgrammePage })),
)

/** Three pages: home (create, demo, workshops of this browser), one workshop, one programme. */
export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute())
  useEffect(() => {
    const update = () => setRoute(parseRoute())
    window.addEventListener('popstate', update)
    window.addEventListener('hashchange', update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener('hashchange', update)
    }
  }, [])
  if (route.page === 'workshop') return <WorkshopPage key={route.id} id={route.id} keyFromLink={route.key} />
  if (route.page === 'programme')
    return (
      <Suspense fallback={null}>
        <ProgrammePage key={route.id} id={route.id} keyFromLink={route.key} />
      </Suspense>
    )
  return <HomePage />
}

export function navigate(url: string): void {
  history.pushState(null, '', url)
  window.dispatchEvent(new PopStateEvent('popstate'))
}
