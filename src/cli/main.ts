// bin/habeas: the command line. Each command is a thin shell over the same functions the HTTP
// API calls.
import { Command, Option } from 'commander';
import { CONFIDENTIALITY_LEVELS, ROLES } from '../domain/vocabularies.ts';
import { SPREADSHEET_FIELDS } from '../store/spreadsheet.ts';
import { password as passwordSchema, userFields } from '../domain/entities.ts';
import { verifyAuditChain } from '../store/audit.ts';
import { createApiToken, createUser, listUsers, setPassword } from '../store/users.ts';
import { ConfigError, describeStore, loadConfig, type Config } from '../server/config.ts';
import { Problem } from '../server/errors.ts';
import { openStore, startServer } from '../server/start.ts';
import { readSecret } from './prompt.ts';

const program = new Command()
  .name('habeas')
  .description('Case files of people held in detention.\nSettings come from the environment: PORT, HABEAS_DATA_DIR, DATABASE_URL, HABEAS_ADMIN_PASSWORD (see README).')
  .showHelpAfterError();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function withStore<T>(work: (db: Awaited<ReturnType<typeof openStore>>, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openStore(config);
  try {
    return await work(db, config);
  } finally {
    await db.close();
  }
}

program
  .command('serve')
  .description('Start the server (and on a new store, create the first admin and the demo case)')
  .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)')
  .action(async (options: { port?: string }) => {
    if (options.port) process.env.PORT = options.port;
    const config = loadConfig();
    process.stdout.write(`Opening the ${describeStore(config)}…\n`);
    const running = await startServer(config);
    const lines = [``, `Habeas is running at ${running.url}`];
    if (running.firstRun) {
      lines.push(`  A new store: created the first admin, "${running.firstRun.adminUsername}".`);
      if (running.firstRun.generatedPassword) {
        lines.push(`  Its password, shown only this once: ${running.firstRun.generatedPassword}`);
        lines.push(`  (Set HABEAS_ADMIN_PASSWORD before the first start to choose it instead.)`);
      }
      if (running.firstRun.demoCaseId) lines.push(`  Loaded the demo case: ${running.url}/cases/${running.firstRun.demoCaseId}`);
    }
    lines.push(`  Open ${running.url} in a browser and sign in.`, `  API documentation: ${running.url}/api/docs`, `  Stop with Ctrl+C.`, ``);
    process.stdout.write(lines.join('\n'));
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const user = program.command('user').description('Manage users');
user
  .command('add <username>')
  .description('Add a user; asks for the password (or reads HABEAS_NEW_PASSWORD)')
  .addOption(new Option('-r, --role <role>', 'role').choices(ROLES).default('viewer'))
  .option('-n, --name <displayName>', 'display name')
  .option('-e, --email <address>', 'where alert e-mails and the daily digest go (with SMTP set up)')
  .action(async (username: string, options: { role: (typeof ROLES)[number]; name?: string; email?: string }) => {
    const fields = userFields.parse({ username, role: options.role, displayName: options.name ?? null, email: options.email ?? null });
    const password = passwordSchema.parse(await readSecret('Password for ' + username));
    const created = await withStore((db) => createUser(db, null, { ...fields, password }));
    process.stdout.write(`Added ${created.username} (${created.role}).\n`);
  });
user
  .command('passwd <username>')
  .description("Set a user's password; ends their sessions")
  .action(async (username: string) => {
    const password = passwordSchema.parse(await readSecret('New password for ' + username));
    await withStore((db) => setPassword(db, null, { username }, password));
    process.stdout.write(`Password changed for ${username}; their sessions have ended.\n`);
  });
user
  .command('list')
  .description('List users')
  .action(async () => {
    const users = await withStore((db) => listUsers(db));
    for (const u of users) {
      process.stdout.write(`${u.username.padEnd(24)} ${u.role.padEnd(7)} ${u.disabled ? 'disabled' : 'active'}  ${u.createdAt}${u.email ? `  ${u.email}` : ''}\n`);
    }
  });

program
  .command('token')
  .description('Manage API tokens')
  .command('create <username>')
  .description('Create an API token for a user; printed once')
  .requiredOption('--name <name>', 'what the token is for')
  .action(async (username: string, options: { name: string }) => {
    const token = await withStore(async (db) => {
      const found = (await listUsers(db)).find((u) => u.username === username);
      if (!found) throw new Problem('not-found', `No user named ${username}.`);
      return createApiToken(db, null, found.id, options.name);
    });
    process.stdout.write(`${token.token}\n`);
    process.stderr.write('Keep it secret: it is shown only this once. Use it as "Authorization: Bearer <token>".\n');
  });

program
  .command('audit')
  .description('The audit log')
  .command('verify')
  .description('Prove the audit chain intact, or name the first broken entry')
  .action(async () => {
    const result = await withStore((db) => verifyAuditChain(db));
    if (result.ok) {
      process.stdout.write(`The audit chain is intact: ${result.entries} entries verified.\n`);
    } else {
      process.stdout.write(`The audit chain is BROKEN at entry ${result.brokenAt}: ${result.reason}. ${result.entries} entries before it verified.\n`);
      process.exitCode = 1;
    }
  });

program
  .command('extract <file>')
  .description('Print the people, organisations, places and events a document (text, Markdown, HTML, PDF, DOCX) states (touches no store)')
  .option('--published <date>', 'the publication day, YYYY-MM-DD (default: the day the document states): relative dates ("on Tuesday") resolve against it')
  .addOption(new Option('--format <format>', 'output').choices(['json', 'table']).default('json'))
  .action(async (file: string, options: { published?: string; format: 'json' | 'table' }) => {
    const { runExtract } = await import('./extract.ts');
    process.stdout.write(await runExtract(file, options));
  });

program
  .command('import <paths...>')
  .description('Import documents (files and folders) into the store and suggest what they state; skips what is already there')
  .option('--case <id...>', 'the case(s) the documents are about')
  .option('--as <username>', 'whose name the import goes under in the audit log', 'admin')
  .action(async (paths: string[], options: { case?: string[]; as: string }) => {
    const { importPaths } = await import('./import.ts');
    const summary = await withStore(async (db) => {
      const users = await listUsers(db);
      if (users.length === 0) {
        throw new Problem('forbidden', 'This store has no users yet: start the server once (it creates the admin) or add one with `habeas user add NAME --role editor`.');
      }
      const user = users.find((u) => u.username === options.as && !u.disabled);
      if (!user || user.role === 'viewer') throw new Problem('forbidden', `No editor or admin named ${options.as}; choose one with --as.`);
      return importPaths(db, user.id, paths, { caseIds: options.case ?? [] });
    });
    const lines = [
      `Imported ${summary.imported}, already there ${summary.duplicates}, failed ${summary.failed.length}; ${summary.suggestions} suggestions to review.`,
      ...summary.failed.map((f) => `  failed: ${f.file}: ${f.reason}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (summary.failed.length) process.exitCode = 1;
  });

program
  .command('alerts')
  .description('Print the open alerts (breached standards), most severe first')
  .option('--case <id>', 'only this case')
  .option('--all', 'closed alerts too')
  .option('--evaluate', 'check every case against the rules first (the server does it on a schedule)')
  .option('--as <username>', 'whose view: restricted cases show only to users with a grant', 'admin')
  .action(async (options: { case?: string; all?: boolean; evaluate?: boolean; as: string }) => {
    const { alertsTable } = await import('./alerts.ts');
    const { reevaluateCases } = await import('../store/standards.ts');
    if (options.case && !UUID.test(options.case)) {
      throw new Problem('validation-failed', `--case: "${options.case}" is not a case id`);
    }
    const table = await withStore(async (db) => {
      const user = (await listUsers(db)).find((u) => u.username === options.as && !u.disabled);
      if (!user) throw new Problem('forbidden', `No user named ${options.as}; choose one with --as.`);
      if (options.evaluate) await db.transaction((tx) => reevaluateCases(tx, null, null));
      return alertsTable(db, user.id, { caseId: options.case, all: options.all });
    });
    process.stdout.write(table);
  });

program
  .command('report <case>')
  .description('Write a document from a case file: the dossier (PDF or HTML), the urgent appeal or the draft WGAD communication (DOCX)')
  .addOption(new Option('-f, --format <format>', 'which document').choices(['pdf', 'html', 'appeal', 'wgad']).makeOptionMandatory())
  .requiredOption('-o, --out <file>', 'the file to write')
  .option('--as <username>', 'whose view: restricted cases only for users with a grant', 'admin')
  .action(async (caseId: string, options: { format: 'pdf' | 'html' | 'appeal' | 'wgad'; out: string; as: string }) => {
    const { DOCUMENTS, loadCaseDocument } = await import('../server/routes/documents.ts');
    const { renderDossier } = await import('../reports/dossier.tsx');
    const { closePdfBrowser, htmlToPdf } = await import('../reports/pdf.ts');
    const { writeFileSync } = await import('node:fs');
    if (!UUID.test(caseId)) throw new Problem('validation-failed', `"${caseId}" is not a case id`);
    const bytes = await withStore(async (db) => {
      const user = (await listUsers(db)).find((u) => u.username === options.as && !u.disabled);
      if (!user) throw new Problem('forbidden', `No user named ${options.as}; choose one with --as.`);
      const doc = await loadCaseDocument(db, user.id, caseId);
      if (options.format === 'pdf') return htmlToPdf(renderDossier(doc)).finally(closePdfBrowser);
      return options.format === 'html' ? Buffer.from(renderDossier(doc)) : DOCUMENTS[options.format].render(doc);
    });
    writeFileSync(options.out, bytes);
    process.stdout.write(`Wrote ${options.out} (${Math.round(bytes.length / 1024)} KB).\n`);
  });

program
  .command('export')
  .description('Write the store, or one case, as JSON Lines (one file) or CSV (a folder, one file per kind of record)')
  .requiredOption('-o, --out <path>', 'the file (jsonl) or folder (csv) to write')
  .addOption(new Option('-f, --format <format>', 'jsonl or csv').choices(['jsonl', 'csv']).default('jsonl'))
  .option('--case <id>', 'only this case, with the people, organisations and places it names')
  .option('--as <username>', 'whose view: restricted cases are exported only for users with a grant', 'admin')
  .action(async (options: { out: string; format: 'jsonl' | 'csv'; case?: string; as: string }) => {
    const { exportData, summarise } = await import('./data.ts');
    if (options.case && !UUID.test(options.case)) throw new Problem('validation-failed', `--case: "${options.case}" is not a case id`);
    const counts = await withStore(async (db) => {
      const user = (await listUsers(db)).find((u) => u.username === options.as && !u.disabled);
      if (!user) throw new Problem('forbidden', `No user named ${options.as}; choose one with --as.`);
      return exportData(db, user.id, { format: options.format, out: options.out, caseId: options.case });
    });
    process.stdout.write(summarise(`Exported to ${options.out}`, counts));
  });

program
  .command('import-data <path>')
  .description('Restore an export (a .jsonl file or a folder of CSV files) into an empty store, or add the cases of a spreadsheet of prisoners (a .csv file): all of it or, if any record or row is wrong, nothing')
  .option('--map <field=Heading...>', `spreadsheet: which column fills which field (${Object.keys(SPREADSHEET_FIELDS).join(', ')}); columns named like the fields are found without it`)
  .addOption(new Option('--confidentiality <level>', 'spreadsheet: for rows that do not say').choices(CONFIDENTIALITY_LEVELS).default('internal'))
  .option('--as <username>', 'whose name the records go under in the audit log', 'admin')
  .action(async (path: string, options: { as: string; map?: string[]; confidentiality: string }) => {
    const data = await import('./data.ts');
    const spreadsheet = path.toLowerCase().endsWith('.csv');
    const outcome = await withStore(async (db) => {
      const user = (await listUsers(db)).find((u) => u.username === options.as && !u.disabled);
      const allowed = spreadsheet ? user && user.role !== 'viewer' : user?.role === 'admin';
      if (!user || !allowed) throw new Problem('forbidden', `No ${spreadsheet ? 'editor or admin' : 'admin'} named ${options.as}; choose one with --as.`);
      return spreadsheet
        ? data.importSpreadsheetFile(db, user.id, path, options.map ?? [], options.confidentiality)
        : data.summarise('Restored', await data.importData(db, user.id, path));
    });
    process.stdout.write(outcome);
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const message =
    error instanceof ConfigError ? error.message
    : error instanceof Problem ? error.message
    : error instanceof Error && error.name === 'ZodError' ? `Not valid: ${(error as unknown as { issues: Array<{ message: string }> }).issues.map((i) => i.message).join('; ')}`
    : error instanceof Error ? error.message
    : String(error);
  process.stderr.write(`habeas: ${message}\n`);
  process.exit(1);
}
