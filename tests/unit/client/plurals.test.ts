import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import en from '../../../client/src/i18n/en.json'
import itStrings from '../../../client/src/i18n/it.json'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({ resources: { it: { translation: itStrings }, en: { translation: en } }, lng: 'en' })
})

describe('counts read right in both languages', () => {
  it.each([
    ['en', 'meeting1.perimeter.outOfScope', 1, 'Out of scope: 1 card'],
    ['en', 'meeting1.perimeter.outOfScope', 3, 'Out of scope: 3 cards'],
    ['en', 'meeting1.perimeter.addresses', 1, 'addresses 1 item in scope'],
    ['en', 'survey.results.heading', 1, 'Results (1 answer)'],
    ['it', 'meeting1.perimeter.outOfScope', 1, 'Fuori perimetro: 1 scheda'],
    ['it', 'meeting1.perimeter.addresses', 1, 'affronta 1 elemento del perimetro'],
    ['it', 'survey.results.heading', 2, 'Risultati (2 risposte)'],
    ['en', 'meeting1.data.skippedLines', 1, '1 line'],
    ['it', 'meeting1.data.skippedLines', 3, '3 righe'],
    [
      'it',
      'anonymity.from',
      1,
      'I risultati compaiono da 1 risposta, così che nessuna risposta vi si possa riconoscere.',
    ],
  ])('%s %s with %i', (language, key, count, text) => {
    expect(i18n.getFixedT(language)(key, { count })).toBe(text)
  })

  it('every key with a plural form has both forms in both languages', () => {
    const pluralKeys = (node: object, path: string[] = []): string[] =>
      Object.entries(node).flatMap(([key, value]) =>
        typeof value === 'object'
          ? pluralKeys(value, [...path, key])
          : /_(one|other)$/.test(key)
            ? [[...path, key.replace(/_(one|other)$/, '')].join('.')]
            : [],
      )
    for (const strings of [en, itStrings]) {
      for (const key of new Set(pluralKeys(strings))) {
        const [one, other] = ['one', 'other'].map((form) =>
          key
            .split('.')
            .reduce<unknown>(
              (node, part, i, all) =>
                (node as Record<string, unknown>)?.[i === all.length - 1 ? `${part}_${form}` : part],
              strings,
            ),
        )
        expect(typeof one === 'string' && typeof other === 'string', key).toBe(true)
      }
    }
  })
})
