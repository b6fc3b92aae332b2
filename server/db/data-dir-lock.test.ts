import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, liveHolder, lockDataDir, lockFileOf, type LockHolder } from './data-dir-lock.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const writeLock = (dir: string, holder: Partial<LockHolder>) =>
  fs.writeFileSync(
    lockFileOf(dir),
    JSON.stringify({
      host: os.hostname(),
      command: 'cairn serve',
      startedAt: '2026-01-01T00:00:00Z',
      shares: true,
      ...holder,
    }),
  );

/** The pid of a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

describe('data directory lock', () => {
  it('admits one holder; a second opener fails naming it, until the first releases', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir, 'cairn serve', true);
    expect(fs.statSync(lock.file).mode & 0o777).toBe(0o600);
    expect(liveHolder(dir)).toMatchObject({ pid: process.pid, command: 'cairn serve' });
    const second = (() => {
      try {
        lockDataDir(dir, 'cairn user create', false);
      } catch (error) {
        return error;
      }
    })();
    expect(second).toBeInstanceOf(DataDirInUseError);
    expect((second as Error).message).toContain(`in use by "cairn serve" (pid ${process.pid}`);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    lockDataDir(dir, 'cairn migrate', false).release();
  });

  it('advertises the socket without ever leaving a partial lock file', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir, 'cairn serve', true);
    lock.advertise({ dir: path.join(dir, 'run'), port: 5432, password: 'secret' });
    expect(liveHolder(dir)?.socket).toEqual({ dir: path.join(dir, 'run'), port: 5432, password: 'secret' });
    expect(fs.statSync(lock.file).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['cairn.lock']);
    lock.release();
  });

  it.each([
    ['a process that has exited', () => ({ pid: deadPid() })],
    ['a reused pid (same pid, another start time)', () => ({ pid: process.ppid, processStart: '1' })],
    ['an earlier process with our own pid', () => ({ pid: process.pid })],
  ])('takes over a stale lock left by %s', (_, holder) => {
    const dir = tempDir();
    writeLock(dir, holder());
    expect(liveHolder(dir)).toBeUndefined();
    const lock = lockDataDir(dir, 'cairn serve', true);
    expect(liveHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over an unreadable lock file', () => {
    const dir = tempDir();
    fs.writeFileSync(lockFileOf(dir), '{"pid":');
    lockDataDir(dir, 'cairn serve', true).release();
  });

  it('treats a lock from another host as held (its pid cannot be checked from here)', () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid(), host: 'some-other-host' });
    expect(() => lockDataDir(dir, 'cairn serve', true)).toThrow(/on host some-other-host/);
  });
});
