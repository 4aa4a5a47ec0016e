/** The values of two cover fields, apart from the Y.Doc code so request validation in the browser stays light. */
export const SUBMISSION_TYPES = ['individual', 'joint'] as const;
export type SubmissionType = (typeof SUBMISSION_TYPES)[number];
export const CONFIDENTIALITIES = ['public', 'confidential'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];

export function isSubmissionType(value: unknown): value is SubmissionType {
  return typeof value === 'string' && (SUBMISSION_TYPES as readonly string[]).includes(value);
}

export function isConfidentiality(value: unknown): value is Confidentiality {
  return typeof value === 'string' && (CONFIDENTIALITIES as readonly string[]).includes(value);
}
