// Our npm registry mirror has only the Linux builds of packages that ship per-platform
// binaries, so `npm install` writes a lockfile without the other platforms' optional
// packages, and `npm ci` then refuses it as out of sync. This adds those entries with their
// os/cpu, which is what npm itself records: npm ci skips them on Linux without fetching.
// Run after any `npm install` that changes package-lock.json.
import fs from 'node:fs'

const lockPath = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'))
const packages = lock.packages

const OS = { android: 'android', darwin: 'darwin', linux: 'linux', win32: 'win32', freebsd: 'freebsd' }
function platformOf(name) {
  const base = name.split('/').pop()
  const parts = base.split('-')
  const os = parts.find((p) => p in OS)
  const cpu = parts.find((p) => ['arm64', 'x64', 'arm', 'ia32', 'wasm32'].includes(p))
  const entry = {}
  if (os) entry.os = [os]
  if (cpu) entry.cpu = [cpu]
  if (parts.includes('musl')) entry.libc = ['musl']
  else if (os === 'linux' && parts.includes('gnu')) entry.libc = ['glibc']
  return entry
}

let added = 0
for (const [path, info] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(info.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`
    const hoisted = `node_modules/${dep}`
    if (packages[nested] || packages[hoisted]) continue
    const platform = platformOf(dep)
    if (!platform.os && !platform.cpu) continue
    packages[hoisted] = { version, dev: info.dev, optional: true, ...platform }
    if (!packages[hoisted].dev) delete packages[hoisted].dev
    added++
  }
}
// The order npm itself writes (its lockfile sorts paths with localeCompare in 'en'), so that a
// later `npm install` on a fresh clone leaves the file as it is.
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
)
lock.packages = sorted
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`complete-lockfile: added ${added} platform entries`)
