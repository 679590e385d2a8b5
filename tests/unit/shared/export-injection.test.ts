import { describe, expect, it } from 'vitest'
import { toCsv } from '../../../shared/exports/csv.ts'
import { markdownText } from '../../../shared/exports/markdown-text.ts'
import { reportMarkdown } from '../../../shared/exports/report-markdown.ts'
import { exportTables } from '../../../shared/exports/tables.ts'
import { addKpi } from '../../../shared/schema/kpis.ts'
import { readPipeline } from '../../../shared/schema/pipeline.ts'
import { recordText } from '../../../shared/schema/records.ts'
import { exportWorkshop } from '../../../shared/schema/workshop-export.ts'
import { fullWorkshop } from '../../support/full-workshop.ts'

const csvCells = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n')[1]

describe('CSV cells a spreadsheet would evaluate are neutralised (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
  ])('%j', (text, field) => {
    expect(csvCells(toCsv({ name: 't', headers: ['x'], rows: [[text]] }))).toBe(field)
  })

  it('leaves ordinary text, inner signs and numbers typed as numbers alone', () => {
    const csv = toCsv({ name: 't', headers: ['a', 'b', 'c'], rows: [['Consegna a +2 giorni', -5, 3.5]] })
    expect(csvCells(csv)).toBe('Consegna a +2 giorni,-5,3.5')
  })

  it('in pipeline.csv and kpis.csv as exported', () => {
    const { content, control } = fullWorkshop()
    const [entry] = readPipeline(content)
    const owner = recordText(content, 'pipeline', entry!.id, 'owner')!
    owner.delete(0, owner.length)
    owner.insert(0, '=HYPERLINK("http://evil.example","x")')
    const kpi = addKpi(content, 'Ritardi')
    recordText(content, 'kpis', kpi, 'formula')!.insert(0, '=ritardi/consegne')
    const tables = exportTables(exportWorkshop(content, control))
    expect(toCsv(tables.pipeline)).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`)
    expect(toCsv(tables.kpis)).toContain("'=ritardi/consegne")
    expect(toCsv(tables.kpis)).not.toMatch(/(^|,)=ritardi/m)
  })
})

describe('people text in the Markdown report cannot add syntax', () => {
  const hostile =
    '# Titolo\n<script>alert(1)</script> [clic](http://evil.example) **grassetto** ![x](y.png) | col'

  it('escapes headings, HTML, links, images, emphasis and table pipes, keeping the words', () => {
    const text = markdownText(hostile)
    expect(text).not.toContain('\n')
    expect(text).not.toMatch(/(^|[^\\])</)
    expect(text).not.toMatch(/(^|[^\\])\[/)
    expect(text).not.toMatch(/(^|[^\\])\*/)
    expect(text).not.toMatch(/(^|[^\\])\|/)
    expect(text).toContain('`http://evil.example)`')
    expect(text.replace(/\\/g, '').replace(/`/g, '')).toBe(hostile.replace('\n', ' '))
  })

  it('escapes what would start a list or a heading at the start of a text', () => {
    expect(markdownText('- not a list')).toBe('\\- not a list')
    expect(markdownText('1. not numbered')).toBe('1\\. not numbered')
    expect(markdownText('= not a heading rule')).toBe('\\= not a heading rule')
    expect(markdownText('a - b. c')).toBe('a - b. c')
    expect(markdownText('write to anna@example.com')).toBe('write to `anna@example.com`')
  })

  it('in the report as exported', () => {
    const { content, control } = fullWorkshop()
    const pains = [...content.getMap('pains').keys()]
    recordText(content, 'pains', pains[0]!, 'text')!.insert(0, `${hostile}\n## Finto capitolo\n`)
    const report = reportMarkdown(exportWorkshop(content, control))
    const headings = report.split('\n').filter((line) => /^#/.test(line))
    expect(headings.some((h) => /Titolo|Finto/.test(h))).toBe(false)
    expect(report).not.toMatch(/(^|[^\\])<script/)
    expect(report).not.toMatch(/(^|[^\\])\[clic\]\(/)
  })
})
