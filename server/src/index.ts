/** `npm start`: read the environment, start the server, and shut down cleanly on SIGTERM or SIGINT. */
import { loadCommandConfig } from './commandConfig.ts';
import { startServer } from './app.ts';
import { RedisBusConnectError } from './cluster/RedisBus.ts';
import { createLogger } from './log.ts';

/** Give up on a clean shutdown after this long (a store that keeps failing); the changes are logged as lost. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const config = loadCommandConfig();
  if (!config) process.exit(2);
  const log = createLogger(config.logLevel, 'server', undefined, { logIp: config.logIp });
  let server;
  try {
    server = await startServer(config, { log });
  } catch (err) {
    if (err instanceof RedisBusConnectError) {
      process.stderr.write(`Cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  process.stdout.write(`Rightsdraft is running at ${server.url}\n`);

  const shutdown = (signal: string) => {
    log.info('shutting down', { signal });
    const timer = setTimeout(() => {
      log.error('shutdown timed out with changes not stored', { timeoutMs: SHUTDOWN_TIMEOUT_MS });
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    server.close().then(
      () => {
        log.info('stopped cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        log.error('error during shutdown', { err });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.on('uncaughtException', (err) => log.error('uncaught exception', { err }));
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { err }));
}

void main();
