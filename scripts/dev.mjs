// `npm run dev`: the Tavolo server (restarted on change) and Vite with hot reload, together.
import { spawn } from 'node:child_process'

const serverPort = process.env.PORT ?? '8080'
const children = [
  spawn('npx', ['tsx', 'watch', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: serverPort },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, TAVOLO_DEV_SERVER_PORT: serverPort } }),
]
const stop = () => {
  for (const child of children) child.kill('SIGTERM')
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', stop)
