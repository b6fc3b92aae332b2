/**
 * The boot probe: open a throwaway database and commit one transaction within `timeoutMs`. Safari
 * 17.3.1 could open IndexedDB and then fail every transaction (InvalidStateError), so opening alone
 * proves nothing. Never throws: false means "do not rely on IndexedDB".
 */
export async function probeIndexedDB(timeoutMs = 1000, idb: IDBFactory | undefined = globalThis.indexedDB) {
  if (!idb) return false;
  const name = `cairn-probe-${Math.random().toString(36).slice(2)}`;
  const attempt = new Promise<boolean>((resolve) => {
    try {
      const open = idb.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('probe');
      open.onerror = () => resolve(false);
      open.onblocked = () => resolve(false);
      open.onsuccess = () => {
        const db = open.result;
        try {
          const tx = db.transaction('probe', 'readwrite');
          tx.objectStore('probe').put(1, 'probe');
          tx.oncomplete = () => {
            db.close();
            resolve(true);
          };
          tx.onerror = () => resolve(false);
          tx.onabort = () => resolve(false);
        } catch {
          db.close();
          resolve(false);
        }
      };
    } catch {
      resolve(false);
    }
  });
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs));
  const ok = await Promise.race([attempt, timeout]);
  try {
    idb.deleteDatabase(name);
  } catch {
    /* the probe's database is throwaway */
  }
  return ok;
}

/** The errors that mean "this IndexedDB connection is broken", not "this write was wrong". */
export function isBrokenConnection(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return (
    name === 'InvalidStateError' ||
    name === 'DatabaseClosedError' ||
    name === 'MissingAPIError' ||
    name === 'OpenFailedError' ||
    /connection is closing|InvalidStateError|database connection/i.test(message) ||
    (name === 'DexieError' && /InvalidState/.test(message))
  );
}
