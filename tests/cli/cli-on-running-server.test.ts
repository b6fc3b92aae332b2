import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { login, request, runCairn, startServe, tempDataDir, type ServeProcess } from '../support/cairn-process.ts';
import { onPostgres } from '../support/test-database.ts';

// One embedded data directory, one `cairn serve` on it, and every writing CLI command run against
// it while it serves; then a restart shows that neither side's writes were lost. The commands
// run on the embedded database whatever the suite runs on, so the PostgreSQL run skips them.
const dataDir = tempDataDir();
const env = { CAIRN_DATA_DIR: dataDir };
let server: ServeProcess | undefined;

afterAll(async () => {
  await server?.stop('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(onPostgres())('CLI commands while cairn serve runs on the embedded database', () => {
  it('go through the running server: its writes and theirs all survive a restart', { timeout: 400_000 }, async () => {
    const created = await runCairn(
      ['tenant', 'create', '--name', '华东测试', '--slug', 'east', '--admin', 'boss', '--password', 'boss-pass-123'],
      env,
    );
    expect(created.code, created.stderr).toBe(0);

    server = await startServe(env);
    const boss = (await login(server.url, 'east', 'boss', 'boss-pass-123'))!;
    expect(boss).toBeDefined();
    const customerIds: string[] = [];
    for (const name of ['上海一号机械有限公司', '上海二号机械有限公司', '上海三号机械有限公司']) {
      const res = await request(server.url, 'POST', '/api/v1/customers', { name }, boss);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      customerIds.push(res.body.data.id);
    }

    // a second server on the same directory fails, naming the holder, and changes nothing
    const secondServe = await runCairn(['serve', '--port', '0', '--no-build'], env);
    expect(secondServe.code).toBe(1);
    expect(secondServe.stderr).toContain(`is in use by "cairn serve" (pid ${server.pid}`);
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'cairn.lock'), 'utf8')).pid).toBe(server.pid);

    // every writing command, at the same time, through the one server
    const [user, tenant, seed, cleanup, migrate] = await Promise.all([
      runCairn(
        [
          'user',
          'create',
          '--tenant',
          'east',
          '--username',
          'cliuser',
          '--name',
          '命令行',
          '--password',
          'first-pass-1',
        ],
        env,
      ),
      runCairn(
        ['tenant', 'create', '--name', '华南测试', '--slug', 'south', '--admin', 'chief', '--password', 'chief-pass-1'],
        env,
      ),
      runCairn(['seed', '--demo', '--slug', 'seeded', '--customers', '3', '--orders', '2'], env),
      runCairn(['role-cleanup', '--scope=orphaned', '--action=disable', '--tenant', 'east'], env),
      runCairn(['migrate'], env),
    ]);
    for (const result of [user, tenant, seed, cleanup, migrate]) expect(result.code, result.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/through the running "cairn serve" \(pid \d+\): already up to date/);
    expect(cleanup.stdout).toMatch(/orphaned role\(s\) were disabled across 1 company/);

    // the running server sees the CLI's writes at once
    expect(await login(server.url, 'east', 'cliuser', 'first-pass-1')).toBeDefined();
    expect(await login(server.url, 'south', 'chief', 'chief-pass-1')).toBeDefined();
    expect(await login(server.url, 'seeded', 'sales1', 'cairn-demo')).toBeDefined();
    const reset = await runCairn(
      ['user', 'reset-password', '--tenant', 'east', '--username', 'cliuser', '--password', 'second-pass-2'],
      env,
    );
    expect(reset.code, reset.stderr).toBe(0);
    expect(await login(server.url, 'east', 'cliuser', 'first-pass-1')).toBeUndefined();
    expect(await login(server.url, 'east', 'cliuser', 'second-pass-2')).toBeDefined();

    const stopped = await server.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'cairn.lock'))).toBe(false);

    // after a restart: the server's customers with their audit rows, and every CLI write
    server = await startServe(env);
    const bossAgain = (await login(server.url, 'east', 'boss', 'boss-pass-123'))!;
    for (const id of customerIds) {
      expect((await request(server.url, 'GET', `/api/v1/customers/${id}`, undefined, bossAgain)).status).toBe(200);
      const audit = await request(
        server.url,
        'GET',
        `/api/v1/audit?recordType=customer&recordId=${id}`,
        undefined,
        bossAgain,
      );
      expect(audit.body.data.map((row: { action: string }) => row.action)).toContain('create');
    }
    expect(await login(server.url, 'east', 'cliuser', 'second-pass-2')).toBeDefined();
    expect(await login(server.url, 'south', 'chief', 'chief-pass-1')).toBeDefined();
    const seededSales = (await login(server.url, 'seeded', 'manager', 'cairn-demo'))!;
    const seededCustomers = await request(server.url, 'GET', '/api/v1/customers', undefined, seededSales);
    expect(seededCustomers.body.data).toHaveLength(3);
    expect((await server.stop('SIGTERM')).code).toBe(0);
    server = undefined;
  });
});

describe.skipIf(onPostgres())('numeric CLI options', () => {
  it('exit 1 with a message naming the option, before opening anything', { timeout: 400_000 }, async () => {
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['serve', '--port', 'abc'], {}, "option '--port <port>' argument 'abc' is invalid"],
      [['serve', '--port', '70000'], {}, "option '--port <port>' argument '70000' is invalid"],
      [['serve', '--no-build'], { PORT: '3000x' }, 'PORT must be a whole number from 0 to 65535, got "3000x"'],
      [['seed', '--demo', '--customers', 'abc'], {}, "option '--customers <n>' argument 'abc' is invalid"],
      [['seed', '--demo', '--orders', '-5'], {}, "option '--orders <n>' argument '-5' is invalid"],
      [['seed', '--demo', '--customers', '0'], {}, '--orders needs customers to order'],
    ];
    // two at a time: each is a whole node process on a machine that may be busy
    for (let i = 0; i < cases.length; i += 2) {
      await Promise.all(
        cases.slice(i, i + 2).map(async ([args, extraEnv, message]) => {
          const dir = tempDataDir();
          const result = await runCairn(args, { CAIRN_DATA_DIR: dir, ...extraEnv });
          expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(1);
          expect(result.stderr).toContain(message);
          expect(fs.readdirSync(dir)).toEqual([]);
          fs.rmSync(dir, { recursive: true, force: true });
        }),
      );
    }
  });
});
