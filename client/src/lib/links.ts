import type { Role } from '../../../shared/rooms.ts'

/** A workshop link carries its key in the fragment, which browsers never send to the server. */
export function workshopLink(id: string, key: string, origin = location.origin): string {
  return `${origin}${workshopPath(id, key)}`
}

export type Route = { page: 'home' } | { page: 'workshop'; id: string; key: string | null }

export function parseRoute(loc: { pathname: string; hash: string } = location): Route {
  const match = /^\/w\/([^/]+)\/?$/.exec(loc.pathname)
  if (!match) return { page: 'home' }
  const key = new URLSearchParams(loc.hash.replace(/^#/, '')).get('key')
  try {
    return { page: 'workshop', id: decodeURIComponent(match[1]!), key }
  } catch {
    // A mangled link (a bad percent-escape) is not a workshop: the home page, not a blank one.
    return { page: 'home' }
  }
}

export const ROLE_ORDER: readonly Role[] = ['facilitator', 'participant', 'viewer']

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
