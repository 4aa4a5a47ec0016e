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
import { Router, type RouteInfo } from './http/Router.ts';
import { createStaticHandler } from './http/staticFiles.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { isHttps } from './http/cookies.ts';
import { isLoopbackHost } from './http/publicUrl.ts';
import { createLogger, type Logger } from './log.ts';
import { registerReportRoutes } from './api/reportRoutes.ts';
import { registerAuthRoutes } from './api/authRoutes.ts';
import { registerAccountRoutes } from './api/accountRoutes.ts';
import { registerAdminUserRoutes } from './api/adminUserRoutes.ts';
import { AccountService } from './accounts/AccountService.ts';
import { registerAdminRoutes } from './api/adminRoutes.ts';
import { Registration } from './auth/Registration.ts';
import { registerCoalitionRoutes } from './api/coalitionRoutes.ts';
import { registerMemberRoutes } from './api/memberRoutes.ts';
import { registerVersionRoutes } from './api/versionRoutes.ts';
import { registerDiscussionRoutes } from './api/discussionRoutes.ts';
import { VersionService } from './versions/VersionService.ts';
import { watchReports } from './versions/watchReports.ts';
import { ReportSizes } from './documents/ReportSizes.ts';
import { registerSubmissionRoutes } from './api/submissionRoutes.ts';
import { registerTaxonomyRoutes } from './api/taxonomyRoutes.ts';
import { registerLanguageRoutes } from './api/languageRoutes.ts';
import { registerExportRoutes } from './api/exportRoutes.ts';
import { registerSignOnRoutes } from './api/signOnRoutes.ts';
import { registerTestimonyRoutes } from './api/testimonyRoutes.ts';
import { SignOnService } from './reports/SignOnService.ts';
import { registerImportRoutes } from './api/importRoutes.ts';
import { registerAttachmentRoutes } from './api/attachmentRoutes.ts';
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
import { SyncServer, type AccessEvent } from './sync/SyncServer.ts';
import { MailedSignup } from './auth/MailedSignup.ts';
import { PasswordReset } from './auth/PasswordReset.ts';
import { Mail } from './mail/Mail.ts';
import { Notify } from './mail/notify.ts';
import { DigestJob } from './mail/DigestJob.ts';
import { TrashJob } from './reports/TrashJob.ts';
import { ScheduleService } from './deadlines/ScheduleService.ts';
import { ReminderJob } from './deadlines/ReminderJob.ts';
import { deadlinesFor } from './deadlines/deadlinesFor.ts';
import { FollowUpAccess } from './followup/FollowUpAccess.ts';
import { FollowUpService } from './followup/FollowUpService.ts';
import { registerScheduleRoutes } from './api/scheduleRoutes.ts';
import { registerCalendarRoutes } from './api/calendarRoutes.ts';
import { registerFollowUpRoutes } from './api/followUpRoutes.ts';
import { refuseTextRoutesOfEncrypted } from './e2ee/encryptedGuard.ts';
import { registerE2eeRoutes } from './e2ee/e2eeRoutes.ts';
import { registerEncryptedVersionRoutes } from './e2ee/encryptedVersionRoutes.ts';
import { registerOpenApiRoute } from './api/openapi/openApiRoute.ts';
import { EncryptedSyncServer } from './e2ee/EncryptedSyncServer.ts';
import { encryptedRelay } from './e2ee/encryptedRelay.ts';
import { enableMetrics, metrics } from './metrics/metrics.ts';
import { registerMetricsRoute, registerReadinessRoute } from './metrics/routes.ts';
import { registerLibraryRoutes } from './api/libraryRoutes.ts';
import { LibraryService } from './library/LibraryService.ts';
import { SubscriptionPoller } from './library/SubscriptionPoller.ts';

export interface RunningServer {
  url: string;
  port: number;
  storage: Storage;
  registry: DocumentRegistry;
  sync: SyncServer;
  auth: AuthService;
  registration: Registration;
  log: Logger;
  /** The worker threads that export and import Word and PDF files. */
  office: OfficeWorkers;
  /** The HTTP routes the server answers. */
  routes: RouteInfo[];
  /** The periodic digest of @mentions and replies (tests run it directly). */
  digest: DigestJob;
  /** Purges reports that waited TRASH_DAYS in the trash, hourly (tests run it directly). */
  trash: TrashJob;
  /** Deadline reminders by mail (tests run rounds directly). */
  reminders: ReminderJob;
  /** Polls subscribed library feeds every LIBRARY_POLL_S (tests run it directly). */
  libraryPoller: SubscriptionPoller;
  /** Stop accepting, close connections, store every change, close storage. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** Use this storage instead of opening one from config (tests share one between restarts). */
  storage?: Storage;
  log?: Logger;
  /** The clock of automatic versions, their thinning and the trash's purge (tests move it instead of waiting). */
  now?: () => number;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? createLogger(config.logLevel, 'server', undefined, { logIp: config.logIp });
  const exposition = config.metrics ? await enableMetrics() : null;
  const storage = options.storage ?? (await openStorage(config));
  await storage.migrate();

  if (config.redisUrl && !config.clusterSecret) throw new Error('REDIS_URL needs CLUSTER_SECRET (see the README)');
  const bus: ClusterBus = config.redisUrl
    ? await RedisBus.connect({ url: config.redisUrl, secret: config.clusterSecret!, tlsCa: config.redisTlsCa }, log.child('cluster'))
    : new LocalBus();
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
  const registration = new Registration(storage, log.child('registration'), {
    defaultMode: config.registration,
    signupLimitPerAddress: config.signupLimitPerAddress,
    signupWindowMs: config.signupWindowMs,
    invitationTtlMs: config.invitationTtlMs,
  });
  const access = new ReportAccess(storage);
  const sync = new SyncServer(registry, createSyncAccess(auth, access, storage), log.child('sync'), {
    maxMessageBytes: config.maxMessageBytes,
    allowedOrigins: config.allowedOrigins,
    maxConnectionsPerAccount: config.maxConnectionsPerAccount,
  });
  const remoteAccess: ((event: AccessEvent) => Promise<void>)[] = [];
  await joinCluster({ bus, registry, sync, storage, log: log.child('cluster'), alsoApply: remoteAccess });
  // End-to-end encrypted reports sync on their own path; role changes made here close or downgrade them too.
  const esync = new EncryptedSyncServer(storage.e2ee, createSyncAccess(auth, access, storage, true), log.child('esync'), {
    maxMessageBytes: config.maxMessageBytes,
    allowedOrigins: config.allowedOrigins,
  });
  sync.onAccessEvent((event) => void esync.applyAccessEvent(event).catch((err: unknown) => log.warn('encrypted sync access change failed', { err })));
  // Several nodes: encrypted updates and key notices relayed through the bus; access changes from other nodes.
  remoteAccess.push((event) => esync.applyAccessEvent(event));
  await esync.joinRelay(encryptedRelay(bus, log.child('esync-relay'), Math.ceil((config.maxMessageBytes * 4) / 3) + 8));
  const reports = new ReportService(storage, registry);
  const signOn = new SignOnService(storage, registry);
  const now = options.now ?? Date.now;
  const sizes = new ReportSizes(storage, config.reportMaxBytes, log.child('sizes'), now);
  const trash = new TrashJob(storage, reports, log.child('trash'), { trashDays: config.trashDays, now });
  const versions = new VersionService(storage, registry, sizes, log.child('versions'), { everyMs: config.autoVersionEveryMs, now });
  watchReports(registry, sizes, versions, log.child('versions'));
  // An editing session ends when the last person leaves a report on this node: keep an automatic version if it changed.
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

  const mailLog = log.child('mail');
  const mail = Mail.fromConfig(config, mailLog);
  const notify = new Notify(mail);
  const mailParts = {
    mail,
    notify,
    reset: new PasswordReset(storage, mail, notify, log.child('auth')),
    signups: new MailedSignup(storage, mail, notify, log.child('auth')),
    log: mailLog,
  };
  const digest = new DigestJob(storage, registry, mail, mailLog);
  if (mail.configured) digest.start(config.mailDigestMs);
  const followUpAccess = new FollowUpAccess(storage);
  const deadlines = (userId: string) => deadlinesFor(userId, { storage, access, followUpAccess });
  const reminders = new ReminderJob(storage, deadlines, mail, mailLog);
  if (mail.configured) reminders.start();

  const router = new Router();
  router.on('GET', '/healthz', ({ res }) => sendJson(res, 200, { status: 'ok', storage: storage.description.split(':')[0] }));
  let closing: Promise<void> | null = null;
  registerReadinessRoute(router, { storage, bus, log: log.child('ready'), closing: () => closing !== null });
  if (exposition) registerMetricsRoute(router, { exposition, allow: config.metricsAllow, trustProxy: config.trustProxy });
  const stopGauges = metrics.addSource({
    connections: () => sync.connectionCount,
    reportsLoaded: () => registry.loadedCount,
    exportQueue: () => office.stats().queued,
  });
  const accounts = new AccountService(storage, access, sync, log.child('accounts'));
  registerAccountRoutes(router, { auth, accounts, storage, access, registry, notify }, config);
  registerAdminUserRoutes(router, { accounts }, config);
  registerAuthRoutes(router, auth, registration, sync, config, mailParts);
  registerAdminRoutes(router, registration, config);
  registerReportRoutes(router, { reports, access, storage, sync, trash }, config);
  registerExportRoutes(router, { reports, access, office, signOn, log: log.child('export'), storage });
  registerSignOnRoutes(router, { access, signOn }, config);
  registerImportRoutes(router, { reports, storage, office, log: log.child('import') }, config);
  registerMemberRoutes(router, { access, storage, sync, mail }, config);
  registerCoalitionRoutes(router, storage, sync, config);
  registerVersionRoutes(router, { access, versions }, config);
  registerDiscussionRoutes(router, { access, storage, registry });
  registerSubmissionRoutes(router, { reports, access, signOn });
  registerTaxonomyRoutes(router);
  registerScheduleRoutes(router, { access, schedule: new ScheduleService(storage, registry), deadlines }, config);
  registerCalendarRoutes(router, { storage, access, followUpAccess }, config);
  registerFollowUpRoutes(router, { followUp: new FollowUpService(storage, followUpAccess), access: followUpAccess }, config);
  registerAttachmentRoutes(router, { access, storage, log: log.child('attachments') }, config);
  registerTestimonyRoutes(router, { access, storage, log: log.child('testimony') }, config);
  const libraryPoller = new SubscriptionPoller(storage, log.child('library'), { allowPrivate: config.libraryAllowPrivateUrls, everyMs: config.libraryPollMs });
  registerLibraryRoutes(router, { library: new LibraryService(storage, access, now), poller: libraryPoller, storage }, config);
  registerLanguageRoutes(router, storage, config);
  registerE2eeRoutes(router, { storage, access, notifier: esync }, config);
  registerEncryptedVersionRoutes(router, { storage, access }, config);
  registerOpenApiRoute(router, config);
  const serveStatic = config.staticDir ? createStaticHandler(config.staticDir) : null;
  const httpLog = log.child('http');

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    securityHeaders(res, isHttps(req, config.trustProxy));
    try {
      const route = router.match(req.method ?? 'GET', url.pathname);
      if (route) {
        if (changesState(req.method) && isCrossSite(req, config.allowedOrigins)) {
          throw new Forbidden('Requests from other sites are refused.', 'cross_site');
        }
        let principal: Promise<Principal | null> | null = null;
        const principalOnce = () => (principal ??= auth.authenticate(req.headers));
        await refuseTextRoutesOfEncrypted(storage, access, url.pathname, async () => (await principalOnce())?.user.id ?? null);
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
    else if (esync.handles(req)) esync.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  // Idle keep-alive connections stay open longer than a client's or a proxy's own idle timeout (Node's fetch: 4 s,
  // proxies: up to 60 s), so a client never sends a request on a connection the server is just closing (it would
  // see ECONNRESET). Headers must still arrive within a bounded time.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;
  log.info('listening', { url, storage: storage.description });
  // A new instance: the link that lets its owner create the administrator account from another computer.
  await registration.announceSetupLink(config.publicUrl ?? url);
  if (!config.publicUrl && !isLoopbackHost(config.host)) {
    log.warn('PUBLIC_URL is not set: invitation links are built from the Host header of each request. Set PUBLIC_URL to the address people use.', { host: config.host });
  }

  const sweep = setInterval(() => {
    storage.accounts.deleteExpiredSessions(new Date().toISOString()).catch((err: unknown) => log.warn('session sweep failed', { err }));
    auth.throttle.sweep().catch((err: unknown) => log.warn('sign-in attempt sweep failed', { err }));
    registration.signupThrottle.sweep().catch((err: unknown) => log.warn('sign-up attempt sweep failed', { err }));
    auth.sweepDevices().catch((err: unknown) => log.warn('device sweep failed', { err }));
    versions.thinAll().catch((err: unknown) => log.warn('thinning versions failed', { err }));
  }, 3600_000);
  sweep.unref();
  trash.start();
  libraryPoller.start();

  return {
    url,
    port,
    storage,
    registry,
    sync,
    auth,
    registration,
    log,
    office,
    routes: router.list(),
    digest,
    trash,
    reminders,
    libraryPoller,
    close() {
      closing ??= (async () => {
        clearInterval(sweep);
        trash.stop();
        stopGauges();
        // Stop accepting first: a load balancer's next connection goes to another node at once.
        server.close();
        sync.close();
        esync.close();
        await digest.stop();
        await reminders.stop();
        await libraryPoller.stop();
        await Promise.all([registry.close(), office.close()]);
        await bus.close();
        await mail.close();
        if (!options.storage) await storage.close();
        server.closeAllConnections();
      })();
      return closing;
    },
  };
}
