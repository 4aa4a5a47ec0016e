/**
 * What a report needs before it is sent, computed from its document: /api/reports/:id/coverage (articles and
 * SDGs addressed), /checks (the formal rules and word counts) and /recommendations (its recommendations and
 * the earlier ones it follows up). Readers and above; a report the caller cannot read answers 404.
 */
import type { ChecksResponse, CoverageResponse, RecommendationsResponse } from '../../../shared/api/types.ts';
import { computeCoverage } from '../../../shared/report/coverage.ts';
import { listEarlierRecommendations } from '../../../shared/report/earlierRecommendations.ts';
import { listRecommendations } from '../../../shared/report/recommendations.ts';
import { runChecks } from '../../../shared/submission/checks.ts';
import { sendJson } from '../http/json.ts';
import type { Router } from '../http/Router.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { ReportService } from '../reports/ReportService.ts';
import type { SignOnService } from '../reports/SignOnService.ts';
import type { ReportRecord } from '../storage/Storage.ts';
import { reportIdParam } from './validation.ts';

export function registerSubmissionRoutes(router: Router, deps: { reports: ReportService; access: ReportAccess; signOn: SignOnService }): void {
  const { reports, access, signOn } = deps;

  /** Register a read-only view of a report for anyone who may read it. */
  const view = <T>(path: string, compute: (id: string, report: ReportRecord) => Promise<T>) =>
    router.on('GET', `/api/reports/:id/${path}`, async (ctx) => {
      const { user } = await ctx.user();
      const { report } = await access.require(user.id, reportIdParam(ctx.params.id), 'viewer');
      sendJson(ctx.res, 200, await compute(report.id, report));
    });

  view('coverage', (id) => reports.read(id, (doc): CoverageResponse => ({ id, ...computeCoverage(doc) })));
  view('checks', async (id, report) => {
    const organisations = await signOn.get(report);
    return reports.read(id, (doc): ChecksResponse => ({ id, ...runChecks(doc, { signOn: organisations }) }));
  });
  view('recommendations', (id) =>
    reports.read(id, (doc): RecommendationsResponse => ({ id, recommendations: listRecommendations(doc), earlier: listEarlierRecommendations(doc) })),
  );
}
