/** Every bench case, in the order they run. */
import type { BenchCase } from '../harness';
import { plainPageCase } from './plain-page';

export const cases: BenchCase[] = [plainPageCase];
