import { Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES, sniffText } from './sniff-text.js';

/**
 * Checks applied to an upload body while it streams to the store; each fails the stream,
 * which makes the store discard the partial object.
 */

/** Passes exactly `size` bytes: fails at the first byte too many, or at the end if short. */
export function exactLength(
  size: number,
  errors: { tooLong: () => Error; tooShort: (received: number) => Error },
): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      received += chunk.length;
      if (received > size) return callback(errors.tooLong());
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      callback(received < size ? errors.tooShort(received) : null);
    },
  });
}

/** Fails unless the first bytes pass {@link sniffText}; `notText` gets the reason. */
export function textStart(notText: (reason: string) => Error): Transform {
  const sample: Buffer[] = [];
  let sampled = 0;
  let checked = false;

  function check(): Error | null {
    checked = true;
    const verdict = sniffText(Buffer.concat(sample).subarray(0, SNIFF_BYTES));
    sample.length = 0;
    return verdict.text ? null : notText(verdict.reason);
  }

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!checked) {
        sample.push(chunk);
        sampled += chunk.length;
        if (sampled >= SNIFF_BYTES) {
          const error = check();
          if (error) return callback(error);
        }
      }
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      callback(checked ? null : check());
    },
  });
}
