import { hash, verify } from '@node-rs/argon2';

/**
 * Argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: the OWASP baseline). Hashing
 * runs on libuv's thread pool, not on the event loop.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a password nobody has, verified against when the e-mail is unknown, so an
// unknown address costs the same time as a wrong password and cannot be told apart.
let decoy: Promise<string> | undefined;

/** True when `password` matches `passwordHash`; for a missing account, false after the same work. */
export async function verifyPassword(
  passwordHash: string | undefined,
  password: string,
): Promise<boolean> {
  decoy ??= hash(`decoy-${Math.random()}`);
  const target = passwordHash ?? (await decoy);
  const matches = await verify(target, password).catch(() => false);
  return passwordHash !== undefined && matches;
}
