import type { TFunction } from 'i18next'

type Translate = (key: unknown, options?: unknown) => unknown

/**
 * `t` with its answers kept for the language it belongs to: a board of 300 cards asks for the
 * same few labels thousands of times, and i18next resolves and interpolates each time.
 */
export function remembering(t: TFunction, capacity = 20_000): TFunction {
  const translate = t as unknown as Translate
  const answers = new Map<string, string>()
  return ((key: unknown, options?: unknown) => {
    if (typeof key !== 'string' || (options !== undefined && typeof options !== 'object')) {
      return translate(key, options)
    }
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`
    const known = answers.get(id)
    if (known !== undefined) return known
    const answer = translate(key, options)
    if (typeof answer === 'string') {
      if (answers.size >= capacity) answers.clear()
      answers.set(id, answer)
    }
    return answer
  }) as unknown as TFunction
}
