import { z } from 'zod';

/** Region codes: lower-case letters, digits and dashes, 2–16 characters ("eu", "us", "apac", "us-west"). */
export const REGION_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;

export const regionSchema = z.string().regex(REGION_PATTERN, 'must be a region code: 2-16 of a-z, 0-9 and -');
