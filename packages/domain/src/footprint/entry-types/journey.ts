import { z } from 'zod';

/** Fields every trip row has, by plane or by train. */
export const journeyFields = {
  traveller: z.string().trim().min(1).max(200).describe('Who travelled (name or person id)'),
  date: z.iso.date().describe('Departure date, within the reporting year'),
  trips: z.number().int().min(1).max(1000).default(1).describe('Identical trips'),
  roundTrip: z.boolean().default(false).describe('Counts the journey twice'),
  distanceKm: z
    .number()
    .positive()
    .max(40_000)
    .optional()
    .describe('Distance reported by the travel supplier, used instead of the computed one'),
};
