/** The configuration for a command run from a shell (the server, backup, restore, a reset link). */
import { ConfigError, loadConfig, type Config } from './config.ts';

/** The configuration from the environment, or null after saying on stderr what is wrong with it (exit with 2). */
export function loadCommandConfig(): Config | null {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      return null;
    }
    throw err;
  }
}
