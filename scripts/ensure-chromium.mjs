// Browser tests use Debian's Chromium (Playwright cannot download its own browser here) and
// poppler's pdftotext (the printed report is read back as a PDF). Installs what is missing
// with apt-get when it is missing and we may; otherwise says how.
import { execSync } from 'node:child_process'
import fs from 'node:fs'

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const missing = [
  !fs.existsSync(chromium) && 'chromium',
  !fs.existsSync('/usr/bin/pdftotext') && 'poppler-utils',
].filter(Boolean)
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')
  if (!canInstall) {
    console.error(`The browser tests need: ${missing.join(', ')} (Chromium at ${chromium}).`)
    console.error(`Install with: sudo apt-get install ${missing.join(' ')}   (or set CHROMIUM_PATH)`)
    process.exit(1)
  }
  console.log(`Installing ${missing.join(', ')} for the browser tests (once)...`)
  execSync(
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`,
    {
      stdio: 'inherit',
    },
  )
}
