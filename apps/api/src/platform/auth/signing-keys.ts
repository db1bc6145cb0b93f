import { createPublicKey, generateKeyPairSync, type webcrypto } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI } from 'jose';
import type { Config } from '../config/env.js';

/** Access tokens are signed with Ed25519 (EdDSA): small, fast, and no parameters to get wrong. */
export const JWT_ALGORITHM = 'EdDSA';

type CryptoKey = webcrypto.CryptoKey;

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  /** Every key a token may be signed with, by key id: the current one and earlier ones. */
  publicKeys: Map<string, CryptoKey>;
}

async function publicKeyEntry(publicPem: string): Promise<[string, CryptoKey]> {
  const key = await importSPKI(publicPem, JWT_ALGORITHM, { extractable: true });
  return [await calculateJwkThumbprint(await exportJWK(key)), key];
}

function pemBlocks(text: string | undefined): string[] {
  return text?.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
}

/**
 * The embedded default must start with no configuration: it generates a signing key on first
 * start and keeps it under DATA_DIR, so sessions survive a restart. Production configures
 * JWT_PRIVATE_KEY, the same on every replica (enforced by the environment schema).
 */
async function privateKeyPem(config: Config): Promise<string> {
  if (config.auth.jwtPrivateKey) return config.auth.jwtPrivateKey.replace(/\\n/g, '\n');
  const file = path.join(config.dataDir, 'secrets', 'jwt-signing-key.pem');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, pem, { mode: 0o600 });
  return pem;
}

/** Key ids are JWK thumbprints (RFC 7638), so rotating needs no naming scheme. */
export async function loadSigningKeys(config: Config): Promise<SigningKeys> {
  const pem = await privateKeyPem(config);
  const privateKey = await importPKCS8(pem, JWT_ALGORITHM);
  const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
  const [kid, publicKey] = await publicKeyEntry(publicPem);
  const previous = await Promise.all(
    pemBlocks(config.auth.jwtPreviousPublicKeys).map(publicKeyEntry),
  );
  return { kid, privateKey, publicKeys: new Map([[kid, publicKey], ...previous]) };
}
