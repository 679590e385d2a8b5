import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

/**
 * Where a webhook may send: with WEBHOOK_HOSTS set, only to those hosts (`host` or
 * `host:port`); without it, to any host whose every address is public, so a workshop's
 * facilitator cannot make the server call into its own network (loopback, private ranges,
 * link-local, cloud metadata). Checked at registration and again before every attempt (a name
 * may point elsewhere later).
 */
export async function destinationProblem(
  url: string,
  allowedHosts: readonly string[],
): Promise<string | null> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'url: not a web address'
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'url: only http and https addresses'
  if (parsed.username || parsed.password) return 'url: no user name or password in the address'
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (allowedHosts.length > 0) {
    const withPort = `${host}:${parsed.port || (parsed.protocol === 'https:' ? '443' : '80')}`
    return allowedHosts.includes(host) || allowedHosts.includes(withPort)
      ? null
      : `url: ${host} is not among the hosts this server sends webhooks to (WEBHOOK_HOSTS)`
  }
  let addresses: string[]
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address)
  } catch {
    return `url: ${host} cannot be resolved`
  }
  const internal = addresses.find(isInternal)
  return internal ? `url: ${host} is an address inside a network (${internal}), not a public one` : null
}

function isInternal(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number) as [number, number]
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    )
  }
  const v6 = address.toLowerCase()
  return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6)
}
