// `npm start`: builds the client and the server bundle when missing or older than their
// sources, then runs the server's compiled JavaScript in this same process (one process, one
// port, no TypeScript loader: `npm run serve` and `npm run dev` run the sources with tsx).
import { buildIfStale, serverBundle } from './build-if-stale.mjs'

buildIfStale()
await import(serverBundle)
