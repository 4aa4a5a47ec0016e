import { describe, expect, it, vi } from 'vitest';
import type { CreateReportRequest } from '../../../../shared/api/types.ts';
import { ApiError, NetworkError } from '../../api/reportsApi.ts';
import { createReportFromChoice, type CreateDeps } from './createFromTemplate.ts';

const INPUT = { title: 'Joint UPR submission', mechanism: 'UPR' as const, stateUnderReview: 'Freedonia' };
const JOINT_UPR = { template: 'upr' as const, submissionType: 'joint' as const };

function deps(overrides: Partial<CreateDeps> = {}) {
  const posted: CreateReportRequest[] = [];
  const local: Parameters<CreateDeps['createLocal']>[0][] = [];
  const d: CreateDeps = {
    online: () => true,
    newId: () => 'id-1',
    post: vi.fn(async (body: CreateReportRequest) => {
      posted.push(body);
      return { id: body.id!, title: body.title, mechanism: body.mechanism, stateUnderReview: '', createdAt: '', updatedAt: '' };
    }),
    createLocal: vi.fn(async (input) => {
      local.push(input);
      return 'local-id';
    }),
    ...overrides,
  };
  return { d, posted, local };
}

describe('Creating a report from a template', () => {
  it('online, asks the server to write the template and the submission type', async () => {
    const { d, posted, local } = deps();
    expect(await createReportFromChoice(INPUT, JOINT_UPR, d)).toEqual({ id: 'id-1', createdOn: 'server' });
    expect(posted).toEqual([{ id: 'id-1', ...INPUT, template: 'upr', submissionType: 'joint' }]);
    expect(local).toEqual([]);
  });

  it('offline, writes the template on this device and sends nothing', async () => {
    const { d, posted, local } = deps({ online: () => false });
    expect(await createReportFromChoice(INPUT, JOINT_UPR, d)).toEqual({ id: 'local-id', createdOn: 'device' });
    expect(posted).toEqual([]);
    expect(local).toEqual([{ ...INPUT, template: 'upr', submissionType: 'joint' }]);
  });

  it('falls back to this device when the server cannot be reached, is not signed in to, or fails', async () => {
    for (const err of [new NetworkError('down'), new ApiError(401, 'unauthenticated', 'Sign in'), new ApiError(503, 'unavailable', 'Later')]) {
      const { d, local } = deps({ post: async () => Promise.reject(err) });
      expect((await createReportFromChoice(INPUT, JOINT_UPR, d)).createdOn).toBe('device');
      expect(local).toHaveLength(1);
    }
  });

  it('reports a refusal of the request itself instead of hiding it', async () => {
    const { d, local } = deps({ post: async () => Promise.reject(new ApiError(400, 'template_mismatch', 'Not for UPR')) });
    await expect(createReportFromChoice(INPUT, JOINT_UPR, d)).rejects.toThrow('Not for UPR');
    expect(local).toEqual([]);
  });

  it('keeps the device-first path for a plain report', async () => {
    const { d, posted, local } = deps();
    await createReportFromChoice({ ...INPUT, mechanism: 'CERD' }, { template: null, submissionType: null }, d);
    expect(posted).toEqual([]);
    expect(local).toEqual([{ ...INPUT, mechanism: 'CERD', template: null, submissionType: null }]);
  });
});
