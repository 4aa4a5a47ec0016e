/** Sign-on for the cover form: the open report's (from the review context), live with its own list, and confirming. */
import { useState } from 'react';
import type * as Y from 'yjs';
import { getCoverFields } from '../../../../shared/report/coverFields.ts';
import { withOwnList, type SignOnStatus } from '../../../../shared/report/signOn.ts';
import { useOnline } from '../../app/useOnline.ts';
import { useReview } from '../review/ReviewContext.tsx';
import { useDocValue } from '../treaty/useDocValue.ts';
import { t } from '../../i18n/i18n.ts';
import type { SignOnControls } from './OrganisationList.tsx';
import { changeSignOn, encryptedSignOn, useLastSignOn } from './signOnStore.ts';

const ownList = (doc: Y.Doc) => getCoverFields(doc).organisations;

export function useSignOnControls(doc: Y.Doc, canEdit: boolean): SignOnControls {
  const review = useReview();
  const reportId = review?.reportId ?? null;
  const encrypted = review?.session.encrypted ?? false;
  const online = useOnline();
  const { signOn: last } = useLastSignOn(reportId, online, encrypted);
  const own = useDocValue(doc, ownList);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState('');
  const change = (organisation: string, status: SignOnStatus) => {
    if (!reportId) return;
    setBusy(organisation);
    setError('');
    changeSignOn(reportId, organisation, status).then(
      () => setBusy(null),
      () => {
        setBusy(null);
        setError(t(status === 'confirmed' ? 'submission.signOn.confirmFailed' : 'submission.signOn.undoFailed', { name: organisation }));
      },
    );
  };
  // An encrypted report's list is its own, with nothing to confirm on the server (signOnStore.ts).
  if (encrypted) return { signOn: encryptedSignOn(own), canConfirm: false, busy, error, change, encrypted: true };
  return { signOn: last ? withOwnList(last, own) : null, canConfirm: canEdit && online && !!reportId, busy, error, change };
}
