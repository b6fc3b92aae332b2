/**
 * Starts `cairn serve --demo` on a free port with a fresh embedded database (PGlite) and stops
 * it again: used by the browser tests' global setup and by `npm run bench:mobile`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunningServer {
  baseURL: string;
  port: number;
  dataDir: string;
  /** The web build this server serves: a snapshot of dist/web taken at start. */
  webDir: string;
  logFile: string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run build:web` when dist/web/index.html is missing (the server would otherwise build it silently on start). */
export function ensureWebBuild(log: (line: string) => void = console.log): void {
  if (fs.existsSync(path.join(repoRoot, 'dist/web/index.html'))) return;
  log('dist/web/index.html is missing: npm run build:web');
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status ?? result.signal})`);
}

/**
 * Copies dist/web into `<into>/dist/web` (the server serves `dist/web` relative to its working
 * directory), so a `npm run build:web` during the run cannot swap the assets under the browser.
 * Retries while a concurrent build leaves index.html pointing at files that are not there (yet).
 */
function snapshotWebBuild(into: string): string {
  const source = path.join(repoRoot, 'dist/web');
  const target = path.join(into, 'dist/web');
  for (let attempt = 1; ; attempt++) {
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(source, target, { recursive: true });
    const html = fs.readFileSync(path.join(target, 'index.html'), 'utf8');
    const missing = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)]
      .map((m) => m[1]!)
      .filter((file) => !fs.existsSync(path.join(target, file)));
    if (!missing.length) return target;
    if (attempt >= 10)
      throw new Error(
        `dist/web is inconsistent (index.html refers to missing ${missing.join(', ')}); run npm run build:web`,
      );
    spawnSync('sleep', ['2']);
  }
}

async function waitForHealth(baseURL: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${baseURL}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n') : '';
  throw new Error(
    `cairn serve ${exited ? `stopped (${exited})` : `did not answer /api/health within ${timeoutMs / 1000} s`}; last log lines:\n${tail}`,
  );
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole process group: tsx, node and anything they started
  } catch {
    /* already gone */
  }
}

export interface StartOptions {
  /** Where the server's stdout/stderr go; defaults to a file in the data dir. */
  logFile?: string;
  timeoutMs?: number;
}

export async function startCairnServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-e2e-'));
  const workDir = path.join(dataDir, 'cwd');
  const webDir = snapshotWebBuild(workDir);
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const logFile = options.logFile ?? path.join(dataDir, 'server.log');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CAIRN_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  delete env.DATABASE_URL; // always a fresh embedded database, even when the shell points at a PostgreSQL
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/cairn.mjs'), 'serve', '--demo'], {
    cwd: workDir,
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);

  // Never leave a server behind, even if the caller dies without calling stop().
  const killOnExit = () => signalGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      signalGroup(child, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    signalGroup(child, 'SIGKILL'); // stragglers in the group
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  try {
    await waitForHealth(baseURL, child, logFile, options.timeoutMs ?? 240_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, port, dataDir, webDir, logFile, stop };
}
