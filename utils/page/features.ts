/** The page features, in the order they start. Each lives in its own folder of utils/. */
import type { Feature } from './feature';
import { typographyFeature } from '../typography';

export const features: Feature[] = [typographyFeature];
