import i18next, { type TFunction } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import en from '../../../client/src/i18n/en.json'
import itStrings from '../../../client/src/i18n/it.json'
import { remembering } from '../../../client/src/i18n/remembering.ts'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({ resources: { it: { translation: itStrings }, en: { translation: en } }, lng: 'it' })
})

/** i18next's `t` for `language`, counting how often it is asked. */
function counted(language: string) {
  const fixed = i18n.getFixedT(language)
  const calls = { count: 0 }
  const t = ((...args: Parameters<TFunction>) => {
    calls.count++
    return fixed(...args)
  }) as unknown as TFunction
  return { t, calls }
}

describe('a remembering t', () => {
  it('answers as i18next does, plurals and interpolation included, and asks it once per question', () => {
    const { t, calls } = counted('it')
    const remembered = remembering(t)
    for (let round = 0; round < 3; round++) {
      expect(remembered('meeting1.perimeter.outOfScope', { count: 1 })).toBe('Fuori perimetro: 1 scheda')
      expect(remembered('meeting1.perimeter.outOfScope', { count: 4 })).toBe('Fuori perimetro: 4 schede')
      expect(remembered('meeting1.pain.handle', { card: 'Auto sporca' })).toBe(
        i18n.getFixedT('it')('meeting1.pain.handle', { card: 'Auto sporca' }),
      )
      expect(remembered('meeting1.pain.severity')).toBe('Gravità')
    }
    expect(calls.count).toBe(4)
  })

  it('keeps the languages apart, since each language has its own t', () => {
    const italian = remembering(counted('it').t)
    const english = remembering(counted('en').t)
    expect(italian('list.showAll', { count: 12 })).toBe('Mostra tutti (12)')
    expect(english('list.showAll', { count: 12 })).toBe('Show all 12')
  })

  it('forgets everything past its capacity instead of growing without bound', () => {
    const { t, calls } = counted('en')
    const remembered = remembering(t, 2)
    remembered('list.showFewer')
    remembered('list.showAll', { count: 1 })
    remembered('list.showAll', { count: 2 })
    remembered('list.showFewer')
    expect(calls.count).toBe(4)
  })
})
