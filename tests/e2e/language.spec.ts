import type { Page } from '@playwright/test'
import en from '../../client/src/i18n/en.json' with { type: 'json' }
import it from '../../client/src/i18n/it.json' with { type: 'json' }
import { expect, test } from './fixtures.ts'
import { join } from './pages.ts'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

/** The strings only one language has (interpolated ones are checked through their fixed parts). */
function onlyIn(own: Tree, other: Tree): string[] {
  const otherLeaves = leaves(other)
  const strings: string[] = []
  for (const [key, value] of leaves(own)) {
    if (value === otherLeaves.get(key)) continue
    for (const part of value.split(/\{\{\w+\}\}/)) {
      const fixed = part.trim().replace(/^[.,:·]\s*/, '')
      // A lone short word left by interpolation ("ondata" of "+{{count}} ondata") also names
      // the board's own seeded content (a wave called "Prossima ondata"): too weak a sign.
      if (fixed.length >= (fixed.includes(' ') ? 6 : 8)) strings.push(fixed)
    }
  }
  return strings
}

/**
 * Everything a person can see or hear on the page: text, placeholders, labels, tooltips.
 * Parts marked with another language (the Outputs report is in the workshop's language on
 * purpose) are left out.
 */
function visibleStrings(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ownLanguage = document.documentElement.lang
    const foreign = [...document.querySelectorAll('body [lang]')].filter(
      (el) => el.getAttribute('lang') !== ownLanguage,
    )
    for (const el of foreign) el.setAttribute('data-language-check-skip', '')
    const kept = (el: Element) => !el.closest('[data-language-check-skip]')
    // innerText on purpose: the text a person sees, not hidden nodes' text.
    const hidden = foreign.map((el) => [el as HTMLElement, (el as HTMLElement).style.display] as const)
    for (const [el] of hidden) el.style.display = 'none'
    // biome-ignore lint/performance/useDomNodeTextContent: visible text is what is checked
    const parts = [document.body.innerText]
    for (const [el, display] of hidden) el.style.display = display
    for (const el of document.querySelectorAll('[placeholder],[aria-label],[title]')) {
      if (!kept(el)) continue
      parts.push(
        el.getAttribute('placeholder') ?? '',
        el.getAttribute('aria-label') ?? '',
        el.getAttribute('title') ?? '',
      )
    }
    for (const el of document.querySelectorAll('.sr-only')) if (kept(el)) parts.push(el.textContent ?? '')
    for (const el of document.querySelectorAll('option')) if (kept(el)) parts.push(el.textContent ?? '')
    for (const el of foreign) el.removeAttribute('data-language-check-skip')
    return parts.join('\n')
  })
}

test('the language switch changes every visible string of the shell', async ({ tavolo, person }) => {
  // A workshop with no user content in either language, so every Italian word on screen is ours.
  const workshop = await tavolo.createWorkshop({ title: 'Board', language: 'it' })
  const { page } = await person('it')
  await join(page, tavolo.link(workshop.id, workshop.keys.facilitator), 'Fabio')
  await page.getByRole('button', { name: 'Condividi' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  const italianOnly = onlyIn(it, en)
  const englishOnly = onlyIn(en, it)

  const check = async (mustNotContain: string[]) => {
    const shown = await visibleStrings(page)
    const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const leaked = mustNotContain.filter((s) =>
      new RegExp(`(^|[^\\p{L}])${escapeRegExp(s)}($|[^\\p{L}])`, 'u').test(shown),
    )
    expect(leaked).toEqual([])
  }
  await check(englishOnly)

  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { name: 'Workshop details' })).toBeVisible()
  await check(italianOnly)
  // Every step of an empty workshop too.
  for (const step of ['Meeting 1', 'Quick survey', 'Meeting 2', 'Meeting 3', 'Meeting 4', 'Outputs']) {
    await page
      .getByRole('navigation')
      .getByRole('button', { name: new RegExp(step) })
      .click()
    await check(italianOnly)
  }

  await page.getByRole('button', { name: 'Italiano' }).click()
  await expect(page.getByRole('heading', { name: 'Risultati' })).toBeVisible()
  await check(englishOnly)
  // The choice is remembered across a reload (which lands the facilitator on the room's step).
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Risultati' })).toBeVisible()

  await page.goto(tavolo.baseURL)
  await check(englishOnly)
  await page.getByRole('button', { name: 'English' }).click()
  await check(italianOnly)
})
