// `npm run cluster`: Tavolo as a cluster on this machine, for a developer or a test. Debian's
// PostgreSQL and Redis, three Tavolo nodes and nginx in front (websockets proxied, no sticky
// routing), on local ports. The same contract as `npm start`: PORT and HOST are nginx's (the
// one address clients use), DATA_DIR holds PostgreSQL's and Redis's data (an empty dir starts
// afresh, an existing one is reused), the URL is printed once everything answers, and SIGTERM
// or SIGINT stops everything this started. Every process is a child of this one, in its
// process group: killing the group (as ../shared/bench/durability.mjs does) kills them all.
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { buildIfStale, root, serverBundle } from './build-if-stale.mjs'

const NODES = Number(process.env.CLUSTER_NODES ?? 3)
const port = Number(process.env.PORT ?? 8080)
const host = process.env.HOST ?? '0.0.0.0'
const dataDir = path.resolve(process.env.DATA_DIR ?? './data-cluster')
const children = []
let stopping = false

function fail(message) {
  console.error(`npm run cluster: ${message}`)
  stop(1)
}

function postgresBin() {
  const base = '/usr/lib/postgresql'
  const version = fs.existsSync(base)
    ? fs
        .readdirSync(base)
        .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined
  if (!version) throw new Error('PostgreSQL is not installed: apt-get install postgresql')
  return path.join(base, version, 'bin')
}

for (const [file, pkg] of [
  ['/usr/bin/redis-server', 'redis-server'],
  ['/usr/sbin/nginx', 'nginx'],
]) {
  if (!fs.existsSync(file)) {
    console.error(`npm run cluster needs ${pkg}: apt-get install ${pkg}`)
    process.exit(1)
  }
}

/** PostgreSQL will not run as root: as root its files and process belong to `postgres`. */
function postgresUser() {
  if (process.getuid?.() !== 0) return {}
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  return { uid, gid }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port: free } = server.address()
      server.close(() => resolve(free))
    })
  })
}

function run(name, command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  child.label = name
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000)
    if (process.env.CLUSTER_VERBOSE) process.stderr.write(`[${name}] ${chunk}`)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.output = () => output
  child.once('exit', (code, signal) => {
    if (stopping) return
    // A node that dies is what the cluster is for: nginx sends its clients to the others.
    if (name.startsWith('node'))
      console.error(`npm run cluster: ${name} exited (${signal ?? code}); the others go on`)
    else fail(`${name} exited (${signal ?? code}):\n${output.slice(-3000)}`)
  })
  children.push(child)
  return child
}

async function until(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (stopping) return
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  fail(`${what} did not come up in ${timeoutMs / 1000} s`)
}

const answers = async (url) => (await fetch(url)).ok
const listening = (p) =>
  new Promise((resolve) => {
    const socket = net.connect(p, '127.0.0.1')
    socket.once('connect', () => socket.end(() => resolve(true)))
    socket.once('error', () => resolve(false))
  })

async function startPostgres() {
  const bin = postgresBin()
  const user = postgresUser()
  const dir = path.join(dataDir, 'postgres')
  const socketDir = path.join(dataDir, 'postgres-socket')
  fs.mkdirSync(socketDir, { recursive: true })
  if (user.uid !== undefined) execFileSync('chown', [`${user.uid}:${user.gid}`, dataDir, socketDir])
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    console.log('Creating the PostgreSQL cluster (first start on this DATA_DIR)...')
    execFileSync(path.join(bin, 'initdb'), ['-D', dir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], {
      stdio: 'pipe',
      ...user,
    })
  }
  // A crash (SIGKILL of everything) leaves the pid file behind; PostgreSQL recovers from its WAL.
  fs.rmSync(path.join(dir, 'postmaster.pid'), { force: true })
  const pgPort = await freePort()
  run(
    'postgresql',
    path.join(bin, 'postgres'),
    ['-D', dir, '-p', String(pgPort), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1'],
    user,
  )
  const admin = `postgres://postgres@127.0.0.1:${pgPort}/postgres`
  const { default: pg } = await import('pg')
  await until('PostgreSQL', async () => {
    const client = new pg.Client({ connectionString: admin })
    await client.connect()
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = 'tavolo'")
      if (found.rowCount === 0) await client.query('CREATE DATABASE tavolo')
      return true
    } finally {
      await client.end()
    }
  })
  return `postgres://postgres@127.0.0.1:${pgPort}/tavolo`
}

async function startRedis() {
  const dir = path.join(dataDir, 'redis')
  fs.mkdirSync(dir, { recursive: true })
  const redisPort = await freePort()
  run('redis', '/usr/bin/redis-server', [
    '--port',
    String(redisPort),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--save',
    '',
  ])
  await until('Redis', () => listening(redisPort))
  return `redis://127.0.0.1:${redisPort}`
}

async function startNodes(databaseUrl, redisUrl) {
  const flags =
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.start.match(
      /--[a-z-]+=\S+/g,
    ) ?? []
  const ports = []
  for (let i = 1; i <= NODES; i++) {
    const nodePort = await freePort()
    ports.push(nodePort)
    run(`node ${i}`, process.execPath, [...flags, serverBundle], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(nodePort),
        HOST: '127.0.0.1',
        DATA_DIR: path.join(dataDir, `node-${i}`),
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        // Behind nginx: the client's address is in X-Forwarded-For.
        TRUST_PROXY: 'true',
      },
    })
  }
  await Promise.all(
    ports.map((p, i) => until(`node ${i + 1}`, () => answers(`http://127.0.0.1:${p}/healthz`))),
  )
  return ports
}

function startNginx(nodePorts) {
  const dir = path.join(dataDir, 'nginx')
  fs.mkdirSync(dir, { recursive: true })
  const config = `
${process.getuid?.() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  client_max_body_size 12m;
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  # A workshop's connections and requests go to one node (consistent hashing on its id), so the
  # other nodes need not hold it; when that node is down, to the next. The rest is spread.
  map $uri $workshop {
    ~^/ws/(?<ws_id>[^/]+) $ws_id;
    ~^/api/workshops/(?<api_id>[^/]+) $api_id;
    default $request_id;
  }
  upstream tavolo {
    hash $workshop consistent;
${nodePorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n')}
  }
  server {
    listen ${host === '0.0.0.0' ? '' : `${host}:`}${port};
    location / {
      proxy_pass http://tavolo;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 1h;
      proxy_send_timeout 1h;
      # A node that is down: the request goes to another one.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
`
  const file = path.join(dir, 'nginx.conf')
  fs.writeFileSync(file, config)
  run('nginx', '/usr/sbin/nginx', ['-c', file, '-p', dir, '-e', path.join(dir, 'error.log')])
}

function stop(code = 0) {
  if (stopping) return
  stopping = true
  // Front first, so nothing new arrives; the nodes commit and close; then Redis and PostgreSQL.
  const order = [
    'nginx',
    ...children.filter((c) => c.label.startsWith('node')).map((c) => c.label),
    'redis',
    'postgresql',
  ]
  const byLabel = new Map(children.map((c) => [c.label, c]))
  const ended = (child) =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => child.once('exit', resolve))
  ;(async () => {
    const nodes = order.filter((label) => label.startsWith('node')).map((label) => byLabel.get(label))
    for (const label of ['nginx']) {
      const child = byLabel.get(label)
      child?.kill('SIGTERM')
      if (child) await ended(child)
    }
    for (const child of nodes) child?.kill('SIGTERM')
    await Promise.all(nodes.filter(Boolean).map(ended))
    for (const [label, signal] of [
      ['redis', 'SIGTERM'],
      ['postgresql', 'SIGINT'],
    ]) {
      const child = byLabel.get(label)
      child?.kill(signal)
      if (child) await ended(child)
    }
    process.exit(code)
  })()
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL')
    process.exit(code || 1)
  }, 15_000).unref()
}

process.once('SIGTERM', () => stop(0))
process.once('SIGINT', () => stop(0))

try {
  buildIfStale()
  fs.mkdirSync(dataDir, { recursive: true })
  const [databaseUrl, redisUrl] = await Promise.all([startPostgres(), startRedis()])
  const nodePorts = await startNodes(databaseUrl, redisUrl)
  startNginx(nodePorts)
  await until('nginx', () => answers(`http://127.0.0.1:${port}/healthz`))
  // Where each part runs, for tools and tests (e.g. to stop one node).
  const nodesRunning = children.filter((c) => c.label.startsWith('node'))
  fs.writeFileSync(
    path.join(dataDir, 'cluster.json'),
    JSON.stringify(
      { port, nodes: nodePorts.map((p, i) => ({ port: p, pid: nodesRunning[i]?.pid })) },
      null,
      2,
    ),
  )
  if (!stopping) {
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host
    console.log(
      `\n  Tavolo is running: open http://${shown}:${port}\n  (a cluster: nginx, ${NODES} nodes on ports ${nodePorts.join(', ')}, PostgreSQL and Redis with their data in ${dataDir})\n`,
    )
  }
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
