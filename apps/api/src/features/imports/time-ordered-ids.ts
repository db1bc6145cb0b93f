import { randomFillSync } from 'node:crypto';

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const MAX_COUNTER = 0xfff;

/**
 * A source of UUIDs version 7 (RFC 9562): a millisecond timestamp, then a 12-bit counter
 * (method 1 of RFC 9562 §6.2, so ids made within one millisecond keep their order), then 62
 * random bits. Each id is greater than the one before: rows an import writes in file order
 * get ascending ids, so the primary key and every index on the id (and the foreign keys that
 * check it) grow at their right edge instead of touching a random page per row, and rows
 * created together list in file order (lists break ties by id). The random bits keep ids of
 * different processes apart.
 */
export function timeOrderedIds(): () => string {
  const random = Buffer.alloc(8 * 1024);
  let offset = random.length;
  let lastMs = -1;
  let counter = 0;
  // The timestamp's two groups, formatted once per millisecond rather than once per id.
  let timePrefix = '';
  return () => {
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      counter = 0;
      timePrefix = formatTime(lastMs);
    } else if (++counter > MAX_COUNTER) {
      // More than 4,096 ids in a millisecond (or the clock went back): borrow the next one.
      lastMs += 1;
      counter = 0;
      timePrefix = formatTime(lastMs);
    }
    if (offset + 8 > random.length) {
      randomFillSync(random);
      offset = 0;
    }
    const variant = HEX[0x80 | (random[offset]! & 0x3f)]! + HEX[random[offset + 1]!]!;
    const node = random.toString('hex', offset + 2, offset + 8);
    offset += 8;
    return `${timePrefix}-7${COUNTER_HEX[counter]!}-${variant}-${node}`;
  };
}

const COUNTER_HEX = Array.from({ length: MAX_COUNTER + 1 }, (_, n) =>
  n.toString(16).padStart(3, '0'),
);

function formatTime(ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}`;
}
