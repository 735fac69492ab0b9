/** The page features, in the order they start. Each lives in its own folder of utils/. */
import type { Feature } from './feature';

export const features: Feature[] = [];
