import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config.ts'
import { runServerExpectingExit } from '../../support/child-server.ts'

describe('configuration', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({})
    expect(config.port).toBe(8080)
    expect(config.maxMessageBytes).toBe(1024 * 1024)
    expect(config.dataDir).toMatch(/data$/)
  })

  it('names every bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty', MAX_MESSAGE_BYTES: '-5' })).toThrow(ConfigError)
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' })
    } catch (error) {
      expect(String(error)).toMatch(/PORT="eighty"/)
      expect(String(error)).toMatch(/LOG_LEVEL="loud"/)
    }
  })

  it('stops start-up with a clear message', async () => {
    const { code, output } = await runServerExpectingExit({ PORT: '99999' })
    expect(code).toBe(2)
    expect(output).toMatch(/Invalid configuration/)
    expect(output).toMatch(/PORT="99999"/)
  })
})
