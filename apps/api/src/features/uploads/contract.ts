import { z } from 'zod';

/** A file name as browsers report it (`File.name`): a base name, never a path. */
const filenameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}]+$/u, 'must be a file name without slashes or control characters');

export const createUploadBodySchema = z
  .object({
    filename: filenameSchema.describe('The name of the file, e.g. `travel-2025.csv`'),
    contentType: z
      .string()
      .trim()
      .max(127)
      .describe('The file’s media type (`File.type`; empty: taken from the extension)'),
    size: z.number().int().positive().describe('The file’s exact size in bytes'),
  })
  .meta({ id: 'UploadRequest' });

export const uploadTicketSchema = z
  .object({
    key: z.string().describe('Names the file in later requests (e.g. `uploadKey` of an import)'),
    url: z.string().describe('Send the file here, with `method` and exactly `headers`'),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.iso.datetime().describe('The URL is refused after this time'),
  })
  .meta({ id: 'UploadTicket' });

export type CreateUploadBody = z.infer<typeof createUploadBodySchema>;
export type UploadTicket = z.infer<typeof uploadTicketSchema>;
