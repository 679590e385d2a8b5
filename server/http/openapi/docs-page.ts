import { OPERATIONS } from './operations.ts'

/** The page's style, served from /api/docs.css (the server's Content-Security-Policy allows no inline style). */
export const DOCS_CSS =
  'body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#0f172a;line-height:1.4}pre{background:#f1f5f9;padding:.5rem;overflow-x:auto;font-size:.8rem}section{border-top:1px solid #cbd5e1;padding:.5rem 0}code{font-size:1rem}a{color:#3730a3}\n'

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  )

/** `/api/docs`: the description as a page to read, with no script (the server's CSP allows none from elsewhere). */
export function apiDocsPage(document: {
  paths: Record<string, Record<string, Record<string, unknown>>>
}): string {
  const sections = OPERATIONS.map((operation) => {
    const described = document.paths[operation.path]![operation.method] as {
      requestBody?: { content: Record<string, { schema: unknown }> }
      responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>
    }
    const body = described.requestBody
      ? `<h4>Body</h4><pre>${escapeHtml(JSON.stringify(described.requestBody.content['application/json']!.schema, null, 2))}</pre>`
      : ''
    const answers = Object.entries(described.responses)
      .map(([status, r]) => {
        const schema = r.content?.['application/json']?.schema
        return `<li><strong>${status}</strong> ${escapeHtml(r.description)}${schema && !('$ref' in (schema as object)) ? `<details><summary>Body</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>` : ''}</li>`
      })
      .join('')
    const auth =
      operation.auth === 'key'
        ? `Authorization: Bearer &lt;key&gt;${operation.token ? ' (participants: also X-Participant-Token)' : ''}`
        : operation.auth === 'create'
          ? 'CREATE_TOKEN as a bearer token, when the server has one'
          : 'none'
    return `<section id="${operation.id}"><h3><code>${operation.method.toUpperCase()} ${escapeHtml(operation.path)}</code></h3><p>${escapeHtml(operation.summary)}</p><p>Auth: ${auth}</p>${body}<h4>Answers</h4><ul>${answers}</ul></section>`
  }).join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tavolo API</title>
<link rel="stylesheet" href="/api/docs.css">
</head><body><main><h1>Tavolo API</h1>
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1). Keys go in <code>Authorization: Bearer &lt;key&gt;</code>; errors answer <code>{ "error": "…" }</code>.</p>
<nav aria-label="Endpoints"><ul>${OPERATIONS.map((o) => `<li><a href="#${o.id}">${o.method.toUpperCase()} ${escapeHtml(o.path)}</a></li>`).join('')}</ul></nav>
${sections}
</main></body></html>`
}
