import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Text with all white space taken out: wrapped table cells split words across lines. */
export const squeeze = (text: string) => text.replace(/\s+/g, '')

/** A PDF's text in drawing order (cell by cell, with poppler's pdftotext), squeezed. */
export function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tavolo-pdf-'))
  fs.writeFileSync(path.join(dir, 'report.pdf'), pdf)
  execFileSync('pdftotext', [
    '-raw',
    '-enc',
    'UTF-8',
    path.join(dir, 'report.pdf'),
    path.join(dir, 'report.txt'),
  ])
  return squeeze(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'))
}
