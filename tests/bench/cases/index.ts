/** Every bench case, in the order they run. */
import type { BenchCase } from '../harness';
import { plainPageCase } from './plain-page';
import { typographyCase } from './typography';

export const cases: BenchCase[] = [plainPageCase, typographyCase];
