// The tests use real programs from Debian: Chromium for the browser tests (Playwright cannot
// download its own browser here), poppler's pdftotext (printed reports are read back as PDFs),
// PostgreSQL 15, Redis 7 and nginx (the store's suite and the cluster run against them). Installs what is
// missing with apt-get when we may; otherwise says how.
import { execSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const postgresInstalled = () =>
  fs.existsSync('/usr/lib/postgresql') &&
  fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/initdb`))
const wanted = process.argv.slice(2)
const checks = {
  chromium: () => fs.existsSync(chromium),
  'poppler-utils': () => fs.existsSync('/usr/bin/pdftotext'),
  postgresql: postgresInstalled,
  'redis-server': () => fs.existsSync('/usr/bin/redis-server'),
  nginx: () => fs.existsSync('/usr/sbin/nginx'),
}
const missing = Object.entries(checks)
  .filter(([name, present]) => (wanted.length === 0 || wanted.includes(name)) && !present())
  .map(([name]) => name)
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(`The tests need: ${missing.join(', ')} (Chromium at ${chromium}).`)
    console.error(`Install with: sudo apt-get install ${missing.join(' ')}   (or set CHROMIUM_PATH)`)
    process.exit(1)
  }
  console.log(`Installing ${missing.join(', ')} for the tests (once)...`)
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    { stdio: 'inherit' },
  )
}
