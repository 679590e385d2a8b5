import type { Role } from '../../../shared/rooms.ts'

/** A workshop link carries its key in the fragment, which browsers never send to the server. */
export function workshopLink(id: string, key: string, origin = location.origin): string {
  return `${origin}${workshopPath(id, key)}`
}

export type Route = { page: 'home' } | { page: 'workshop' | 'programme'; id: string; key: string | null }

export function parseRoute(loc: { pathname: string; hash: string } = location): Route {
  const match = /^\/(w|p)\/([^/]+)\/?$/.exec(loc.pathname)
  if (!match) return { page: 'home' }
  const key = new URLSearchParams(loc.hash.replace(/^#/, '')).get('key')
  try {
    return { page: match[1] === 'p' ? 'programme' : 'workshop', id: decodeURIComponent(match[2]!), key }
  } catch {
    // A mangled link (a bad percent-escape) is not a workshop: the home page, not a blank one.
    return { page: 'home' }
  }
}

export const ROLE_ORDER: readonly Role[] = ['facilitator', 'participant', 'viewer']

/** A programme's link (its dashboard), with its key in the fragment as a workshop's. */
export function programmePath(id: string, key: string): string {
  return `/p/${encodeURIComponent(id)}#key=${encodeURIComponent(key)}`
}

/** The workshop id and key of a pasted workshop link, or null when it is not one. */
export function parseWorkshopLink(text: string): { id: string; key: string } | null {
  try {
    const url = new URL(text.trim())
    const route = parseRoute(url)
    return route.page === 'workshop' && route.key ? { id: route.id, key: route.key } : null
  } catch {
    return null
  }
}

/** The same-origin path of a workshop link, for in-app navigation. */
export function workshopPath(id: string, key: string): string {
  return `/w/${encodeURIComponent(id)}#key=${encodeURIComponent(key)}`
}

/**
 * Takes the key out of the address bar once the workshop is open (a projected screen shows the
 * address); anything else in the fragment, such as `view=survey`, stays.
 */
export function hideKeyFromAddressBar(): void {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''))
  if (!fragment.has('key')) return
  fragment.delete('key')
  const rest = fragment.toString()
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`)
}
