// `npm start`: builds the client when it is missing or older than its sources, then runs the
// server in this same process (one process, one port).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const builtIndex = path.join(root, 'dist/client/index.html')

function newestSource(dir) {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full))
    else newest = Math.max(newest, fs.statSync(full).mtimeMs)
  }
  return newest
}

const sourcesChanged = () =>
  Math.max(newestSource(path.join(root, 'client')), newestSource(path.join(root, 'shared'))) >
  fs.statSync(builtIndex).mtimeMs

if (!fs.existsSync(builtIndex) || sourcesChanged()) {
  console.log('Building the client (once; again only when its sources change)...')
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

const { register } = await import('tsx/esm/api')
register()
await import('../server/main.ts')
