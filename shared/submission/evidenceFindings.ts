/**
 * What the checklist needs to know about testimony and sensitive names: the passages an export for the cover's
 * audience (confidential: the committee; otherwise public) would leave out, those resting on withdrawn or expired
 * consent, and listed names that would still appear in the file.
 */
import type * as Y from 'yjs';
import { applyAudience, auditExport, exportedBodyText, type Exclusion } from '../export/audience.ts';
import { exportInputFromDoc } from '../export/input.ts';
import { findSensitiveNames } from '../report/sensitiveNameMatch.ts';
import { listSensitiveNames, today, type Audience } from '../report/testimony.ts';

export interface EvidenceFindings {
  audience: Audience;
  /** Linked passages whose consent does not cover the audience (internal-only ones, which never export, aside). */
  notCovered: Exclusion[];
  /** Linked passages whose consent was withdrawn, has expired, or whose record is gone. */
  lapsed: Exclusion[];
  namesListed: number;
  /** Listed names the exported file would still contain. */
  namesLeft: string[];
}

const LAPSED = /withdrawn|expired|removed/;

export function evidenceFindings(doc: Y.Doc, now: Date = new Date()): EvidenceFindings {
  const input = exportInputFromDoc(doc);
  const day = today(now);
  const audience: Audience = input.cover.confidentiality === 'confidential' ? 'committee' : 'public';
  const blocking = auditExport(input, audience, day).filter((e) => e.blocking);
  const names = listSensitiveNames(doc);
  const { cover } = input;
  const exported = [exportedBodyText(applyAudience(input, audience, day)), cover.session, cover.contact, ...cover.organisations].join('\n');
  return {
    audience,
    notCovered: blocking.filter((e) => !LAPSED.test(e.reason)),
    lapsed: blocking.filter((e) => LAPSED.test(e.reason)),
    namesListed: names.length,
    namesLeft: [...new Set(findSensitiveNames(exported, names).map((m) => m.name))],
  };
}
