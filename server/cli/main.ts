import { Command } from 'commander';
import { registerServeCommands } from './serve-commands.ts';
import { registerUserCommands } from './user-commands.ts';
import { registerTenantCommands } from './tenant-commands.ts';
import { registerRoleCleanupCommand } from './role-cleanup-command.ts';
import { registerChannelCommands } from './channel-commands.ts';
import { registerScanCommand } from './scan-command.ts';
import { registerSnapshotsCommand } from './snapshots-command.ts';
import { registerImportCommand } from './import-command.ts';

const program = new Command('cairn')
  .description('Cairn CRM: server, database and administration commands')
  .version('0.1.0')
  .showHelpAfterError();

registerServeCommands(program);
registerTenantCommands(program);
registerUserCommands(program);
registerRoleCleanupCommand(program);
registerChannelCommands(program);
registerScanCommand(program);
registerSnapshotsCommand(program);
registerImportCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  // everything the command opened is closed by now; nothing left running may keep a failed command alive
  process.exit(1);
}
