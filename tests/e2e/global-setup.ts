import { execFileSync } from 'node:child_process'

/** The browser suite runs the compiled server: build it from the current sources (about a second). */
export default function buildServer(): void {
  execFileSync('npx', ['vite', 'build', '--config', 'vite.server.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  })
}
