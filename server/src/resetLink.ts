/**
 * For the operator of a Rightsdraft that sends no mail: print a one-use link (valid an hour) with which a person
 * who forgot their password chooses a new one. Hand it over through a channel you trust; it is a password.
 *
 *   node --import tsx server/src/resetLink.ts person@example.org
 *
 * Reads the same environment as the server (DATA_DIR or DATABASE_URL; PUBLIC_URL for the link's address).
 */
import { issueResetToken } from './auth/PasswordReset.ts';
import { loadCommandConfig } from './commandConfig.ts';
import { MailLinks } from './mail/links.ts';
import { openStorage } from './storage/openStorage.ts';

async function main(): Promise<number> {
  const email = process.argv[2]?.trim().toLowerCase();
  if (!email) {
    process.stderr.write('Usage: node --import tsx server/src/resetLink.ts <e-mail address of the account>\n');
    return 2;
  }
  const config = loadCommandConfig();
  if (!config) return 2;
  const storage = await openStorage(config);
  try {
    await storage.migrate();
    const user = await storage.accounts.findUserByEmail(email);
    if (!user) {
      process.stderr.write(`No account uses ${email}.\n`);
      return 1;
    }
    // The operator's link is not capped: they decide. It is made like a mailed one (an hour, once).
    const token = (await issueResetToken(storage, user.id))!;
    const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
    process.stdout.write(`${new MailLinks(base).resetPassword(token)}\n`);
    process.stderr.write(`This link lets ${user.name} choose a new password within an hour, once. Give it to them privately.\n`);
    return 0;
  } finally {
    await storage.close();
  }
}

process.exitCode = await main();
