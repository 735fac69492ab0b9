/** Every bench case, in the order they run. */
import type { BenchCase } from '../harness';
import { plainPageCase } from './plain-page';
import { typographyCase } from './typography';
import { libraryCase } from './library';
import { repairCase } from './repair';
import { convertCase } from './convert';
import { detectCase } from './detect';

export const cases: BenchCase[] = [plainPageCase, typographyCase, libraryCase, repairCase, detectCase, convertCase];
