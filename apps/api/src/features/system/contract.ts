import { z } from 'zod';
import { jobSchema } from '../jobs/contract.js';
import { JOB_KINDS } from '../jobs/kinds.js';

export const systemStatusSchema = z
  .object({
    checks: z
      .array(z.object({ name: z.string(), ok: z.boolean(), error: z.string().nullable() }))
      .describe('The readiness checks of /readyz, with why one failed'),
    queues: z.array(
      z.object({
        kind: z.enum(JOB_KINDS),
        queued: z.number().int(),
        running: z.number().int(),
        failedLast24h: z.number().int(),
        succeededLast24h: z.number().int(),
      }),
    ),
    running: z
      .array(jobSchema)
      .describe('Jobs running now, each held by a worker whose heartbeat renews its lease'),
    recentFailures: z.array(jobSchema).describe('The last 10 failed jobs'),
  })
  .meta({ id: 'SystemStatus' });
