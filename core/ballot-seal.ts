import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/*
 * Sealing an electronic ballot (docs/council.md, "The secret ballot"). A ballot is sealed with the
 * round's key (AES-256-GCM, a fresh random nonce each time, the round's number bound in as associated
 * data so a ballot cannot be moved to another round), and written to the store sealed, beside the
 * name of who voted. The key is kept outside the store (storage/ballot-keys.ts) and destroyed when the
 * round closes: from then on nothing the store holds can tell what any one member chose. Every ballot
 * of a round has the same length (one letter per candidate), so its size says nothing either.
 */

const ALGORITHM = 'aes-256-gcm';
const NONCE = 12;
const TAG = 16;

const aad = (round: number) => Buffer.from(`thidua-bot ballot round ${round}`);

/** A ballot's choices sealed with `key`, as base64url text. */
export function sealBallot(key: Buffer, round: number, choices: string): string {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv(ALGORITHM, key, nonce);
  cipher.setAAD(aad(round));
  const body = Buffer.concat([cipher.update(choices, 'utf8'), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64url');
}

/** The choices of a sealed ballot; throws if `key` is not the round's or the ballot was altered. */
export function openBallot(key: Buffer, round: number, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  if (bytes.length <= NONCE + TAG) throw new Error('not a sealed ballot');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, NONCE));
  decipher.setAAD(aad(round));
  decipher.setAuthTag(bytes.subarray(NONCE, NONCE + TAG));
  return Buffer.concat([decipher.update(bytes.subarray(NONCE + TAG)), decipher.final()]).toString('utf8');
}
