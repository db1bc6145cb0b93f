import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 signatures of the filesystem driver's URLs. A signature binds the method, the
 * key, the expiry and what the request may carry or return (the exact size and content type
 * of an upload, the file name and type of a download), so none of them can be changed without
 * invalidating it. The HMAC key is derived from the app secret for this one purpose, so a
 * signature of one kind can never pass for another (cookies are signed with the secret itself).
 */

export interface SignedFields {
  method: 'PUT' | 'GET';
  key: string;
  /** Unix time in seconds after which the URL is refused. */
  expires: number;
  /** PUT: the exact body length. */
  size?: number;
  /** PUT: the required `Content-Type`; GET: the one served. */
  contentType?: string;
  /** GET: the name offered in `Content-Disposition`. */
  filename?: string;
}

/** Query parameter names of a signed URL. */
const PARAM = {
  expires: 'expires',
  size: 'size',
  contentType: 'type',
  filename: 'filename',
  signature: 'signature',
} as const;

export type SignatureCheck =
  { valid: true; fields: SignedFields } | { valid: false; reason: 'expired' | 'invalid' };

export class UrlSigner {
  readonly #key: Buffer;

  constructor(appSecret: string) {
    this.#key = Buffer.from(
      hkdfSync('sha256', appSecret, Buffer.alloc(0), 'co2-calculator/object-store-url/v1', 32),
    );
  }

  #mac(fields: SignedFields): Buffer {
    // A JSON array is an unambiguous encoding: no field can bleed into the next.
    const canonical = JSON.stringify([
      fields.method,
      fields.key,
      fields.expires,
      fields.size ?? null,
      fields.contentType ?? null,
      fields.filename ?? null,
    ]);
    return createHmac('sha256', this.#key).update(canonical).digest();
  }

  /** The query string (without `?`) carrying the fields and their signature. */
  sign(fields: SignedFields): string {
    const query = new URLSearchParams({ [PARAM.expires]: String(fields.expires) });
    if (fields.size !== undefined) query.set(PARAM.size, String(fields.size));
    if (fields.contentType !== undefined) query.set(PARAM.contentType, fields.contentType);
    if (fields.filename !== undefined) query.set(PARAM.filename, fields.filename);
    query.set(PARAM.signature, this.#mac(fields).toString('base64url'));
    return query.toString();
  }

  /** Reads the fields back from a request's query and checks them against `method` and `key`. */
  verify(
    method: SignedFields['method'],
    key: string,
    query: Record<string, string | undefined>,
    now = Date.now(),
  ): SignatureCheck {
    const expires = Number(query[PARAM.expires]);
    const size = query[PARAM.size] === undefined ? undefined : Number(query[PARAM.size]);
    const signature = query[PARAM.signature];
    if (!Number.isSafeInteger(expires) || (size !== undefined && !Number.isSafeInteger(size))) {
      return { valid: false, reason: 'invalid' };
    }
    if (!signature) return { valid: false, reason: 'invalid' };
    const fields: SignedFields = {
      method,
      key,
      expires,
      size,
      contentType: query[PARAM.contentType],
      filename: query[PARAM.filename],
    };
    const expected = this.#mac(fields);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { valid: false, reason: 'invalid' };
    }
    // Checked after the signature, so that "expired" is only ever said of a genuine URL.
    if (now > expires * 1000) return { valid: false, reason: 'expired' };
    return { valid: true, fields };
  }
}
