// Browser tests use Debian's Chromium (Playwright cannot download its own browser here).
// Installs it with apt-get when it is missing and we may; otherwise says how.
import { execSync } from 'node:child_process'
import fs from 'node:fs'

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!fs.existsSync(path)) {
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(`The browser tests need Chromium at ${path}.`)
    console.error('Install it with: sudo apt-get install chromium   (or set CHROMIUM_PATH)')
    process.exit(1)
  }
  console.log('Installing Debian Chromium for the browser tests (once)...')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  })
}
