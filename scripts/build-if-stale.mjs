// Builds the client and the server bundle when missing or older than their sources (used by
// `npm start` and `npm run cluster`).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
export const serverBundle = path.join(root, 'dist/server/main.mjs')
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

const newerThan = (file, dirs) =>
  !fs.existsSync(file) ||
  Math.max(...dirs.map((d) => newestSource(path.join(root, d)))) > fs.statSync(file).mtimeMs

function build(what, args) {
  console.log(`Building ${what} (once; again only when its sources change)...`)
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', ...args], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

export function buildIfStale() {
  if (newerThan(builtIndex, ['client', 'shared'])) build('the client', [])
  if (newerThan(serverBundle, ['server', 'shared']))
    build('the server', ['--config', 'vite.server.config.ts'])
}
