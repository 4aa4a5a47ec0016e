/**
 * Composition root: wires storage, documents, sync, API and static files into one HTTP server. Tests call
 * `startServer` with port 0; `index.ts` calls it with the environment's config.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import { DocumentRegistry } from './documents/DocumentRegistry.ts';
import { Forbidden, HttpError, NotFound, ServiceUnavailable, TooManyRequests, Unauthorized, toErrorBody } from './errors.ts';
import { sendJson } from './http/json.ts';
import { Router } from './http/Router.ts';
import { createStaticHandler } from './http/staticFiles.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { createLogger, type Logger } from './log.ts';
import { registerReportRoutes } from './api/reportRoutes.ts';
import { registerAuthRoutes } from './api/authRoutes.ts';
import { registerAccountRoutes } from './api/accountRoutes.ts';
import { registerAdminUserRoutes } from './api/adminUserRoutes.ts';
import { AccountService } from './accounts/AccountService.ts';
import { registerCoalitionRoutes } from './api/coalitionRoutes.ts';
import { registerMemberRoutes } from './api/memberRoutes.ts';
import { registerVersionRoutes } from './api/versionRoutes.ts';
import { registerDiscussionRoutes } from './api/discussionRoutes.ts';
import { VersionService } from './versions/VersionService.ts';
import { registerSubmissionRoutes } from './api/submissionRoutes.ts';
import { registerTaxonomyRoutes } from './api/taxonomyRoutes.ts';
import { registerExportRoutes } from './api/exportRoutes.ts';
import { registerSignOnRoutes } from './api/signOnRoutes.ts';
import { SignOnService } from './reports/SignOnService.ts';
import { registerImportRoutes } from './api/importRoutes.ts';
import { OfficeWorkers } from './workers/OfficeWorkers.ts';
import { LocalBus, type ClusterBus } from './cluster/ClusterBus.ts';
import { joinCluster } from './cluster/clusterRelay.ts';
import { RedisBus } from './cluster/RedisBus.ts';
import { AuthService, type Principal } from './auth/AuthService.ts';
import { createSyncAccess } from './auth/syncAccess.ts';
import { changesState, isCrossSite } from './http/origin.ts';
import { ReportAccess } from './reports/ReportAccess.ts';
import { attachCatalogSync } from './reports/catalogSync.ts';
import { ReportService } from './reports/ReportService.ts';
import type { Storage } from './storage/Storage.ts';
import { openStorage } from './storage/openStorage.ts';
import { SyncServer } from './sync/SyncServer.ts';

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  registry: DocumentRegistry;
  sync: SyncServer;
  auth: AuthService;
  log: Logger;
  /** The worker threads that export and import Word and PDF files. */
  office: OfficeWorkers;
  /** Stop accepting, close connections, store every change, close storage. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this storage instead of opening one from config (tests share one between restarts). */
  storage?: Storage;
  log?: Logger;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel);
  const storage = options.storage ?? openStorage(config);
  await storage.migrate();

  const bus: ClusterBus = config.redisUrl ? await RedisBus.connect(config.redisUrl, log.child('cluster')) : new LocalBus();
  const registry = new DocumentRegistry(storage, log.child('documents'), {
    sharedStorage: bus.shared,
    idleUnloadMs: config.idleUnloadMs,
    compactAfterRows: config.compactAfterRows,
    retryDelayMs: 100,
    maxRetryDelayMs: 10_000,
  });
  registry.onLoad((live) => attachCatalogSync(live, storage, log.child('catalog')));
  const auth = new AuthService(storage, log.child('auth'), {
    sessionTtlMs: config.sessionTtlMs,
    throttle: { slowAfter: config.loginSlowAfter, refuseAfter: config.loginRefuseAfter, delayStepMs: config.loginDelayStepMs },
  });
  const access = new ReportAccess(storage);
  const sync = new SyncServer(registry, createSyncAccess(auth, access, storage), log.child('sync'), {
    maxMessageBytes: config.maxMessageBytes,
    allowedOrigins: config.allowedOrigins,
  });
  await joinCluster({ bus, registry, sync, storage, log: log.child('cluster') });
  const reports = new ReportService(storage, registry);
  const signOn = new SignOnService(storage, registry);
  const versions = new VersionService(storage, registry);
  // An editing session ends when the last person leaves a report: keep an automatic version if it changed.
  sync.onSessionEnd((reportId, lastUserId) => {
    void (async () => {
      const user = lastUserId ? await storage.accounts.getUser(lastUserId) : null;
      await versions.autoVersion(reportId, { id: user?.id ?? null, name: user?.name ?? 'unknown' });
    })().catch((err: unknown) => log.warn('automatic version failed', { reportId, err }));
  });

  const office = new OfficeWorkers(
    { size: config.officeThreads, maxQueued: config.officeQueue, taskTimeoutMs: config.officeTimeoutMs, idleMs: config.officeIdleMs, maxHeapMb: config.officeHeapMb },
    log.child('office'),
  );

  const router = new Router();
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, { status: 'ok', storage: storage.description.split(':')[0] }));
  registerAuthRoutes(router, auth, sync, config);
  const accounts = new AccountService(storage, access, sync, log.child('accounts'));
  registerAccountRoutes(router, { auth, accounts, storage, access, registry }, config);
  registerAdminUserRoutes(router, { accounts }, config);
  registerReportRoutes(router, { reports, access, storage, sync }, config);
  registerExportRoutes(router, { reports, access, office, signOn, log: log.child('export') });
  registerSignOnRoutes(router, { access, signOn }, config);
  registerImportRoutes(router, { reports, storage, office, log: log.child('import') }, config);
  registerMemberRoutes(router, { access, storage, sync }, config);
  registerCoalitionRoutes(router, storage, sync, config);
  registerVersionRoutes(router, { access, versions }, config);
  registerDiscussionRoutes(router, { access, storage, registry });
  registerSubmissionRoutes(router, { reports, access, signOn });
  registerTaxonomyRoutes(router);
  const serveStatic = config.staticDir ? createStaticHandler(config.staticDir) : null;
  const httpLog = log.child('http');

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    securityHeaders(res);
    try {
      const route = router.match(req.method ?? 'GET', url.pathname);
      if (route) {
        if (changesState(req.method) && isCrossSite(req, config.allowedOrigins)) {
          throw new Forbidden('Requests from other sites are refused.', 'cross_site');
        }
        let principal: Promise<Principal | null> | null = null;
        const principalOnce = () => (principal ??= auth.authenticate(req.headers));
        await route.handler({
          req,
          res,
          params: route.params,
          url,
          principal: principalOnce,
          user: async () => {
            const p = await principalOnce();
            if (!p) throw new Unauthorized();
            return p;
          },
        });
        return;
      }
      if (url.pathname.startsWith('/api/') || !serveStatic || !serveStatic(req, res, url.pathname)) {
        throw new NotFound('No such resource.');
      }
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        if (err instanceof TooManyRequests || err instanceof ServiceUnavailable) res.setHeader('retry-after', String(err.retryAfterSeconds));
        sendJson(res, err.status, toErrorBody(err));
        return;
      }
      httpLog.error('request failed', { method: req.method, path: url.pathname, err });
      sendJson(res, 500, { error: { code: 'internal_error', message: 'The server could not complete the request.' } });
    }
  });
  server.on('upgrade', (req, socket, head) => {
    if (sync.handles(req)) sync.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  log.info('listening', { url, storage: storage.description });

  const sweep = setInterval(() => {
    storage.accounts.deleteExpiredSessions(new Date().toISOString()).catch((err: unknown) => log.warn('session sweep failed', { err }));
    auth.throttle.sweep().catch((err: unknown) => log.warn('sign-in failure sweep failed', { err }));
  }, 3600_000);
  sweep.unref();

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    storage,
    registry,
    sync,
    auth,
    log,
    office,
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        server.close();
        sync.close();
        await Promise.all([registry.close(), office.close()]);
        await bus.close();
        if (!options.storage) await storage.close();
        server.closeAllConnections();
      })();
      return closing;
    },
  };
}
