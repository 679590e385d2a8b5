import type { IncomingMessage } from 'node:http'

/** Above this many tracked addresses, addresses whose allowance is whole again are forgotten. */
const PRUNE_ABOVE = 10_000

type Bucket = { tokens: number; at: number }

/**
 * A token bucket per client address: `perHour` requests at once, refilled evenly over an hour.
 * Answers how many seconds to wait when the allowance is spent.
 */
export class AddressLimiter {
  private readonly buckets = new Map<string, Bucket>()
  private readonly perMs: number

  constructor(
    private readonly perHour: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perHour / 3_600_000
  }

  /** Takes one request's allowance: null when allowed, else the seconds until one is free. */
  take(address: string): number | null {
    const now = this.now()
    const bucket = this.buckets.get(address) ?? { tokens: this.perHour, at: now }
    bucket.tokens = Math.min(this.perHour, bucket.tokens + (now - bucket.at) * this.perMs)
    bucket.at = now
    if (!this.buckets.has(address)) {
      if (this.buckets.size >= PRUNE_ABOVE) this.prune(now)
      this.buckets.set(address, bucket)
    }
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.perMs / 1000)
    bucket.tokens -= 1
    return null
  }

  private prune(now: number): void {
    for (const [address, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perHour) this.buckets.delete(address)
    }
  }
}

/**
 * The address a request comes from. Behind a reverse proxy (TRUST_PROXY), the last hop of
 * X-Forwarded-For is the one the proxy saw; earlier entries are whatever the client wrote.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for']
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? ''))
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .pop()
    if (last) return last
  }
  return req.socket.remoteAddress ?? 'unknown'
}
