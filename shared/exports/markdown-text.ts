/** Web addresses in people's text: shown as code, which no Markdown renderer turns into a link. */
const ADDRESS = /((?:https?|ftp|mailto|javascript|data):\S+|www\.\S+|[^\s@]+@[^\s@]+\.[^\s@]+)/gi

/** Characters that make Markdown or HTML syntax anywhere in a line. */
const INLINE_SYNTAX = /[\\`*_{}[\]<>#|~!&]/g
/** What makes a list item, a heading rule or a numbered list at the start of a text. */
const LEADING_SYNTAX = /^(\s*)([-+=]|\d+[.)])/

/**
 * People's text as inert Markdown: it reads the same, but cannot add headings, lists, links,
 * images, emphasis, tables or HTML to the report. Line breaks become spaces.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .split(ADDRESS)
    .map((part, i) => (i % 2 === 1 ? codeSpan(part) : part.replace(INLINE_SYNTAX, '\\$&')))
    .join('')
    .replace(LEADING_SYNTAX, (_, space: string, mark: string) => `${space}${mark.replace(/[-+=.)]/, '\\$&')}`)
}

function codeSpan(text: string): string {
  const fence = text.includes('`') ? '``' : '`'
  return `${fence}${fence === '``' ? ' ' : ''}${text}${fence === '``' ? ' ' : ''}${fence}`
}
