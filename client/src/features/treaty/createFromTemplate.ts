/**
 * Creating a report that starts from a template (or with a submission type). Online, the server writes the
 * template into the report's first stored update (POST with `template`), so every device sees the same
 * sections. Offline, or when the server cannot be reached, the device writes the template itself and the
 * report is published later WITHOUT `template`: the server would otherwise add a second copy of every section
 * with other ids. A plain report (no template, no type) keeps the usual device-first path.
 */
import type { Mechanism } from '../../../../shared/api/mechanisms.ts';
import type { CreateReportRequest, ReportSummary } from '../../../../shared/api/types.ts';
import type { SubmissionType } from '../../../../shared/report/submissionTypes.ts';
import type { TemplateId } from '../../../../shared/templates/templateIds.ts';
import { ApiError, NetworkError } from '../../api/reportsApi.ts';

export interface TemplateChoice {
  template: TemplateId | null;
  submissionType: SubmissionType | null;
}

export interface NewReportFields {
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  /** The report's language (BCP 47), written into its cover and its template's section titles. */
  language?: string;
}

export interface CreateDeps {
  online(): boolean;
  newId(): string;
  post(body: CreateReportRequest): Promise<ReportSummary>;
  /** Create on this device (IndexedDB and catalogue), writing the template there; returns the id. */
  createLocal(input: NewReportFields & TemplateChoice): Promise<string>;
}

/** Failures after which the report is made on this device instead: no network, no session yet, a server error. */
function worthFallingBack(err: unknown): boolean {
  if (err instanceof NetworkError) return true;
  return err instanceof ApiError && (err.status === 401 || err.status >= 500);
}

export async function createReportFromChoice(
  input: NewReportFields,
  choice: TemplateChoice,
  deps: CreateDeps,
): Promise<{ id: string; createdOn: 'server' | 'device' }> {
  if ((choice.template || choice.submissionType) && deps.online()) {
    try {
      const body: CreateReportRequest = { id: deps.newId(), ...input };
      if (choice.template) body.template = choice.template;
      if (choice.submissionType) body.submissionType = choice.submissionType;
      const created = await deps.post(body);
      return { id: created.id, createdOn: 'server' };
    } catch (err) {
      if (!worthFallingBack(err)) throw err;
      // Fall back to this device, under a new id: if the POST did reach the server, its copy stays a separate
      // report instead of merging a second set of template sections into this one.
    }
  }
  return { id: await deps.createLocal({ ...input, ...choice }), createdOn: 'device' };
}

/** The browser's dependencies, but for creating on this device, which needs the account and coalition. */
export async function browserCreateDeps(): Promise<Omit<CreateDeps, 'createLocal'>> {
  const [{ postReport }, { newUuid }] = await Promise.all([import('../../api/reportsApi.ts'), import('../../../../shared/api/uuid.ts')]);
  return {
    online: () => navigator.onLine,
    newId: newUuid,
    post: postReport,
  };
}
