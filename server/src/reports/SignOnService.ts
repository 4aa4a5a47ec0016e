/**
 * Sign-on of a report: its organisations (the coalition's, or the report's own list) with the confirmations the
 * server stored. Who confirmed is the signed-in caller, stamped here; nothing a client sends can name another.
 */
import { getCoverFields } from '../../../shared/report/coverFields.ts';
import { signOnList, type SignOnEntry, type SignOnResponse, type SignOnStatus } from '../../../shared/report/signOn.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { BadRequest } from '../errors.ts';
import type { ReportRecord, Storage } from '../storage/Storage.ts';

export class SignOnService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
  ) {}

  async get(report: ReportRecord): Promise<SignOnResponse> {
    const own = await this.registry.use(roomName(report.id), (live) => getCoverFields(live.doc).organisations);
    const coalition = report.coalitionId ? ((await this.storage.coalitions.get(report.coalitionId))?.organisations ?? []) : null;
    return signOnList(own, coalition, await this.storage.signOns.list(report.id));
  }

  /** Confirm an organisation's endorsement as `by`, or set it back to pending; 400 for a name the report does not list. */
  async set(report: ReportRecord, organisation: string, status: SignOnStatus, by: { id: string; name: string }): Promise<SignOnEntry> {
    const current = await this.get(report);
    if (!current.organisations.some((o) => o.name === organisation)) {
      throw new BadRequest('unknown_organisation', 'This organisation is not listed for the report.', 'organisation');
    }
    if (status === 'confirmed') {
      await this.storage.signOns.confirm(report.id, { organisation, confirmedBy: by, confirmedAt: new Date().toISOString() });
    } else {
      await this.storage.signOns.withdraw(report.id, organisation);
    }
    return (await this.get(report)).organisations.find((o) => o.name === organisation)!;
  }
}
