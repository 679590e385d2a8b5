export type Language = 'it' | 'en'
export const LANGUAGES: readonly Language[] = ['it', 'en']
export const isLanguage = (value: unknown): value is Language => value === 'it' || value === 'en'
