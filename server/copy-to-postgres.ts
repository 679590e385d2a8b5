// `DATA_DIR=./data DATABASE_URL=postgres://... npm run copy-to-postgres`: moves an installation
// from the embedded SQLite file to PostgreSQL (stop the server first), and checks the copy.
import path from 'node:path'
import { copySqliteToPostgres } from './persistence/copy-to-postgres.ts'

const dataDir = path.resolve(process.env.DATA_DIR ?? './data')
const url = process.env.DATABASE_URL
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(
    'Set DATABASE_URL to the PostgreSQL database to copy into (postgres://user:password@host/db).',
  )
  process.exit(2)
}
try {
  const report = await copySqliteToPostgres(dataDir, url)
  console.log(`Copied ${dataDir} into PostgreSQL, and checked every table:`)
  for (const { table, rows } of report)
    console.log(`  ${table.padEnd(20)} ${rows} ${rows === 1 ? 'row' : 'rows'}, identical`)
  console.log('Start Tavolo with this DATABASE_URL to serve it from PostgreSQL.')
} catch (error) {
  console.error(`Nothing was copied: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
