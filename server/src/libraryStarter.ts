/**
 * `npm run library:starter [-- --publish]`: load the four starter entries (a human-rights-city declaration, a local
 * CEDAW ordinance, a resolution on CERD's concluding observations, a local UPR follow-up mechanism) into this
 * instance's library. Reads the same environment as the server (DATA_DIR or DATABASE_URL).
 */
import { loadCommandConfig } from './commandConfig.ts';
import { loadStarterEntries } from './library/loadStarter.ts';
import { openStorage } from './storage/openStorage.ts';

async function main(): Promise<number> {
  const config = loadCommandConfig();
  if (!config) return 2;
  const publish = process.argv.includes('--publish');
  const storage = await openStorage(config);
  try {
    await storage.migrate();
    const { added, present } = await loadStarterEntries(storage, { publish });
    for (const t of added) process.stdout.write(`Added: ${t}\n`);
    for (const t of present) process.stdout.write(`Already there: ${t}\n`);
    process.stdout.write(added.length ? `${added.length} starter entries ${publish ? 'published' : 'shared with everyone on this instance'}.\n` : 'Nothing to add.\n');
    return 0;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`library:starter failed: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
