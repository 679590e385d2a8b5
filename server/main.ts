import { startServer } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createLogger } from './log.ts'

try {
  const config = loadConfig()
  const log = createLogger(config.logLevel)
  const server = await startServer(config, log)
  log.info(
    { port: server.port, store: config.databaseUrl ? 'postgresql' : 'sqlite', dataDir: config.dataDir },
    'Tavolo is running',
  )
  console.log(`\n  Tavolo is running: open ${server.url}\n`)
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down')
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  // The last resort: an error that escaped every request and connection handler is logged and
  // counted, and the other workshops go on being served.
  const lastResort = (kind: string) => (error: unknown) => {
    server.recordUncaughtError()
    log.error({ error: error instanceof Error ? error.stack : String(error) }, kind)
  }
  process.on('uncaughtException', lastResort('uncaught exception'))
  process.on('unhandledRejection', lastResort('unhandled rejection'))
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
