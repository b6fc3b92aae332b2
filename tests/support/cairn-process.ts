import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs the real `cairn` binary (`node bin/cairn.mjs …`) as other processes would: on a data
 * directory or database of the test's choosing, on a free port, with output captured.
 */
const bin = path.resolve('bin/cairn.mjs');

export interface CairnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-data-'));
}

/** The environment of a spawned command: the parent's, minus its database, plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...parent } = process.env;
  return { ...parent, LOG_LEVEL: 'warn', ...env };
}

/** Runs one command to its end (killed after `timeoutMs`). */
export function runCairn(args: string[], env: Record<string, string>, timeoutMs = 180_000): Promise<CairnResult> {
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { env: environment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const out = collect(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ...out(), ms: Date.now() - started });
    });
  });
}

export interface ServeProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Sends `signal` and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<CairnResult>;
}

/** Starts `cairn serve --port 0 --no-build` (`nodeArgs`: flags for node, e.g. `--cpu-prof`) and resolves once it listens. */
export async function startServe(
  env: Record<string, string>,
  args: string[] = [],
  nodeArgs: string[] = [],
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, bin, 'serve', '--port', '0', '--no-build', ...args], {
    env: environment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = collect(child);
  let exited: CairnResult | undefined;
  const started = Date.now();
  const exit = new Promise<CairnResult>((resolve) =>
    child.on('exit', (code, signal) => {
      exited = { code, signal, ...out(), ms: Date.now() - started };
      resolve(exited);
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cairn serve did not start in 180 s:\n${out().stderr}`)), 180_000);
    const check = () => {
      const found = /Cairn is running at (http:\/\/localhost:\d+)/.exec(out().stdout);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout!.on('data', check);
    exit.then((result) => {
      clearTimeout(timer);
      reject(new Error(`cairn serve exited with ${result.code ?? result.signal}:\n${result.stdout}\n${result.stderr}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    child,
    output: out,
    async stop(signal = 'SIGTERM') {
      if (exited) return exited;
      const sent = Date.now();
      child.kill(signal);
      const result = await exit;
      return { ...result, ms: Date.now() - sent };
    },
  };
}

function collect(child: ChildProcess) {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return () => ({ stdout, stderr });
}

/** A JSON request to a spawned server. */
export async function request(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const res = await fetch(base + url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed };
}

export async function login(base: string, tenant: string, username: string, password: string) {
  const res = await request(base, 'POST', '/api/v1/auth/login', { tenant, username, password });
  return res.status === 200 ? { authorization: `Bearer ${res.body.token as string}` } : undefined;
}
