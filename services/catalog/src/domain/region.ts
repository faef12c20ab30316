import { z } from 'zod';

import { REGION_PATTERN } from './product-rules.js';

export const regionSchema = z.string().regex(REGION_PATTERN, 'must be a region code: 2-16 of a-z, 0-9 and -');
