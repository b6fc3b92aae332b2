import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How a process holding an embedded data directory lets others reach its database. */
export interface SharedSocket {
  /** Directory of the Unix socket `.s.PGSQL.<port>` (the layout `pg` and `psql -h <dir>` expect). */
  dir: string;
  port: number;
  /** Password the socket asks for; the lock file is readable by its owner only. */
  password: string;
}

/** The content of `<dataDir>/cairn.lock`. */
export interface LockHolder {
  pid: number;
  host: string;
  /** Start time of the process (Linux clock ticks since boot), to tell a reused pid from the holder. */
  processStart?: string;
  /** What holds the directory, e.g. "cairn serve". */
  command: string;
  startedAt: string;
  /** True when the holder serves its database to other processes (it advertises `socket` once listening). */
  shares: boolean;
  socket?: SharedSocket;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    const where = holder.host === os.hostname() ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`;
    super(
      `the data directory ${dataDir} is in use by "${holder.command}" (${where}, since ${holder.startedAt}); ` +
        `only one process may open it. Stop that process first` +
        (holder.shares ? ', or run the command while it is up: it goes through the running server' : ''),
    );
  }
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Publishes the socket other processes reach this database through. */
  advertise(socket: SharedSocket): void;
  release(): void;
}

export const lockFileOf = (dataDir: string) => path.join(dataDir, 'cairn.lock');

/**
 * Takes the exclusive lock on an embedded data directory: a lock file with this process's pid,
 * created atomically (hard link of a complete file). A lock left by a process that is gone
 * (or whose pid now belongs to another process) is stale and taken over. A live holder
 * makes this throw `DataDirInUseError` before anything in the directory is touched.
 */
export function lockDataDir(dataDir: string, command: string, shares: boolean): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockFileOf(dataDir);
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    processStart: processStart(process.pid),
    command,
    startedAt: new Date().toISOString(),
    shares,
  };
  for (let attempt = 0; ; attempt++) {
    if (createExclusively(file, holder)) break;
    const current = readLockFile(file);
    if (current === 'missing') continue;
    if (current !== 'unreadable' && isAlive(current, file)) throw new DataDirInUseError(dataDir, current);
    if (attempt >= 3) throw new Error(`could not take over the stale lock ${file}; remove it if no Cairn process runs`);
    removeIfUnchanged(file, current);
  }

  let held = true;
  heldHere.add(file);
  const release = () => {
    if (!held) return;
    held = false;
    heldHere.delete(file);
    process.off('exit', release);
    const current = readLockFile(file);
    if (typeof current === 'object' && current.pid === holder.pid && current.startedAt === holder.startedAt)
      fs.rmSync(file, { force: true });
  };
  process.on('exit', release); // a process ending without closing its database still frees the directory
  return {
    file,
    holder,
    advertise(socket) {
      if (!held) throw new Error('the data directory lock was released');
      holder.socket = socket;
      const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeComplete(temp, holder);
      fs.renameSync(temp, file);
    },
    release,
  };
}

/** The live holder of a data directory's lock, if any. */
export function liveHolder(dataDir: string): LockHolder | undefined {
  const file = lockFileOf(dataDir);
  const current = readLockFile(file);
  return typeof current === 'object' && isAlive(current, file) ? current : undefined;
}

function createExclusively(file: string, holder: LockHolder): boolean {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeComplete(temp, holder);
  try {
    fs.linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function writeComplete(file: string, holder: LockHolder) {
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, JSON.stringify(holder));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readLockFile(file: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    return Number.isInteger(parsed.pid) && typeof parsed.host === 'string' ? parsed : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

function removeIfUnchanged(file: string, seen: LockHolder | 'unreadable') {
  const again = readLockFile(file);
  const same =
    again === seen ||
    (typeof again === 'object' &&
      typeof seen === 'object' &&
      again.pid === seen.pid &&
      again.startedAt === seen.startedAt);
  if (same) fs.rmSync(file, { force: true });
}

/** Lock files this process holds. */
const heldHere = new Set<string>();

/** Whether the process that wrote the lock still runs. A lock from another host counts as live. */
function isAlive(holder: LockHolder, file: string): boolean {
  if (holder.host !== os.hostname()) return true;
  // our own pid: this process, or an earlier one that had the same pid (containers restart as pid 1)
  if (holder.pid === process.pid) return heldHere.has(file);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = processStart(holder.pid);
  return !(holder.processStart && start && start !== holder.processStart);
}

/** Field 22 of /proc/<pid>/stat (start time); undefined where /proc is not available. */
function processStart(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
