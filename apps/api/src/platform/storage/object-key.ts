import { randomUUID } from 'node:crypto';

/**
 * Object keys are made by the server only, never taken from a client: `<namespace>/<name>`,
 * e.g. `uploads/6f1c…` or `uploads/6f1c….errors.csv`. The grammar leaves no room for `..`,
 * slashes inside a part, a leading dot, backslashes or percent-encodings, so a key is also a
 * safe relative file path, and a URL path that does not match it never reaches a driver.
 */
export const OBJECT_NAMESPACE_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
/**
 * One path segment: starts with a letter or digit, dots only between non-empty parts; at most
 * 96 characters, so it fits Fastify's default route parameter length.
 */
export const OBJECT_NAME_PATTERN = /^(?=.{1,96}$)[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

export class InvalidObjectKeyError extends Error {
  constructor(key: string) {
    super(`Not an object key: ${JSON.stringify(key.slice(0, 200))}`);
    this.name = 'InvalidObjectKeyError';
  }
}

export function isObjectKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash === -1) return false;
  return (
    OBJECT_NAMESPACE_PATTERN.test(key.slice(0, slash)) &&
    OBJECT_NAME_PATTERN.test(key.slice(slash + 1))
  );
}

/** Every driver calls this before touching a key: a bad key is a bug, never a lookup. */
export function assertObjectKey(key: string): void {
  if (!isObjectKey(key)) throw new InvalidObjectKeyError(key);
}

/** A fresh, unguessable key in `namespace`, optionally with a file extension (`csv`). */
export function newObjectKey(namespace: string, extension?: string): string {
  const key = `${namespace}/${randomUUID()}${extension ? `.${extension}` : ''}`;
  assertObjectKey(key);
  return key;
}
