import { useEffect, useState } from 'react'
import { parseRoute, type Route } from './lib/links.ts'
import { HomePage } from './pages/HomePage.tsx'
import { WorkshopPage } from './pages/WorkshopPage.tsx'

/** Two pages: home (create, demo, workshops of this browser) and one workshop. */
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
  return <HomePage />
}

export function navigate(url: string): void {
  history.pushState(null, '', url)
  window.dispatchEvent(new PopStateEvent('popstate'))
}
