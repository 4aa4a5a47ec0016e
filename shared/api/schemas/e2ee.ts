/** Request bodies of end-to-end encryption: an account's keys and a report's wrapped keys (docs/ENCRYPTION.md). */
import { z } from 'zod';
import { body } from './common.ts';

const publicKey = (description: string) => z.string().max(64).meta({ description: `${description} 32 bytes, base64.` });

/** A secret sealed under a key derived from a password (Argon2id) or the recovery code (HKDF), as shared/e2ee/accountKeys.ts makes it. */
export const wrappedSecret = (description: string) =>
  z
    .looseObject({
      v: z.literal(1),
      kdf: z.enum(['argon2id', 'hkdf-recovery']),
      salt: z.string().min(1).max(64),
      nonce: z.string().min(1).max(64),
      data: z.string().min(1).max(1024),
      t: z.number().int().positive().optional(),
      m: z.number().int().positive().optional(),
      p: z.number().int().positive().optional(),
    })
    .meta({ description: `${description} At most 2,048 characters of JSON.` });

export const AccountKeys = body({
  boxPublic: publicKey('X25519 public key.'),
  signPublic: publicKey('Ed25519 public key.'),
  passwordWrap: wrappedSecret('The private keys wrapped under a key derived from the password (Argon2id).'),
  recoveryWrap: wrappedSecret('The private keys wrapped under the recovery code.'),
});

export const AccountKeysRewrap = body({
  passwordWrap: wrappedSecret('The private keys wrapped under the new password.'),
  recoveryWrap: wrappedSecret('The private keys wrapped under a new recovery code.').optional(),
});

export const ReportKeys = body({
  generation: z.number().int().min(1).meta({ description: 'The key generation these wraps are for; a new generation rotates the key.' }),
  wraps: z
    .array(z.looseObject({ userId: z.string(), wrappedKey: z.string().max(400).meta({ description: 'The report key sealed for the member’s X25519 key, base64.' }) }))
    .min(1)
    .max(500),
});

export const EncryptedVersion = body({
  data: z
    .string()
    .min(1)
    .meta({
      description:
        'The version sealed in the browser (envelope v1 of type `version`, base64): its name and the Yjs state of the content and discussion, encrypted with the report key of the current generation and signed by the caller (docs/ENCRYPTION.md).',
    }),
});
