import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../../client/src/lib/links.ts'

describe('reading the address', () => {
  it('a workshop link with its key', () => {
    expect(parseRoute({ pathname: '/w/abc_123', hash: '#key=k1&view=survey' })).toEqual({
      page: 'workshop',
      id: 'abc_123',
      key: 'k1',
    })
  })

  it('a mangled link (bad percent-escape) opens the home page instead of throwing', () => {
    expect(parseRoute({ pathname: '/w/%ff', hash: '#key=k1' })).toEqual({ page: 'home' })
    expect(parseRoute({ pathname: '/w/%E0%A4%A', hash: '' })).toEqual({ page: 'home' })
  })
})
