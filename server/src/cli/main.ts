import { Command, Option } from 'commander';
import { VERSION } from '../version.ts';
import { registerServe } from './serve.ts';
import { registerAdminCommands } from './admin.ts';
import { fail } from './context.ts';
import { registerImportCommand } from './import.ts';
import { registerExportCommand } from './export.ts';
import { registerPracticeCommand } from './practice.ts';
import { registerBackupCommands } from './backup.ts';

const program = new Command()
  .name('tandem')
  .description(
    'Tandem — customer and employee relationships on one model.\nConfiguration comes from the environment (PORT, HOST, TANDEM_DATA_DIR, DATABASE_URL, TANDEM_ADMIN_EMAIL, TANDEM_ADMIN_PASSWORD, TANDEM_DEMO, TANDEM_SECRET); see README.md.',
  )
  .version(VERSION)
  .showHelpAfterError();

registerServe(program);
registerAdminCommands(program);
registerImportCommand(program);
registerExportCommand(program);
registerPracticeCommand(program);
registerBackupCommands(program);
program.addOption(new Option('--no-color').hideHelp());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  fail(err);
}
