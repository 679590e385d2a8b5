import type { Page } from '@playwright/test'

/**
 * What a reader of the page would call broken layout, as readable lines: the page scrolls
 * sideways; an element pokes out of the viewport where no scrolling region holds it; text
 * cut with an ellipsis whose full value is nowhere else (no title, no accessible name).
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    const nameOf = (el: Element) => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.id
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40)
      return `<${el.tagName.toLowerCase()}${id ? ` ${id}` : ''}> "${text}"`
    }
    const scrolls = (el: Element) => {
      const style = getComputedStyle(el)
      return ['auto', 'scroll', 'hidden', 'clip'].includes(style.overflowX)
    }
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(
        `the page scrolls sideways: ${document.documentElement.scrollWidth} px wide at ${width} px`,
      )
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      const style = getComputedStyle(el)
      if (style.position === 'fixed' || style.visibility === 'hidden') continue
      if (box.right > width + 1) {
        let holder: Element | null = el.parentElement
        while (holder && holder !== document.body && !scrolls(holder)) holder = holder.parentElement
        if (!holder || holder === document.body) problems.push(`out of the page on the right: ${nameOf(el)}`)
      }
      if (
        style.textOverflow === 'ellipsis' &&
        el.scrollWidth > el.clientWidth + 1 &&
        !el.getAttribute('title') &&
        !el.closest('[title]') &&
        !el.getAttribute('aria-label')
      )
        problems.push(`text cut with an ellipsis and shown nowhere whole: ${nameOf(el)}`)
    }
    // Labels drawn over a chart (quadrant names, card titles) must not cover each other.
    const labels = [...document.querySelectorAll('[data-label]')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0)
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i]!.box
        const b = labels[j]!.box
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (w > 2 && h > 2 && w * h > 0.2 * Math.min(a.width * a.height, b.width * b.height))
          problems.push(`two labels overlap: ${nameOf(labels[i]!.el)} and ${nameOf(labels[j]!.el)}`)
      }
    }
    // One line per cause: an overflowing box's children overflow with it.
    return problems.filter((p, i) => problems.indexOf(p) === i).slice(0, 15)
  })
}
