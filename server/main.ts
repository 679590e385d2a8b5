import { startServer } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './log.ts'

try {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  const server = await startServer(config, log)
  log.info({ port: server.port, dataDir: config.dataDir }, 'Tavolo is running')
  console.log(`\n  Tavolo is running: open ${server.url}\n`)
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message)
    process.exit(2)
  }
  console.error('Tavolo could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
}
