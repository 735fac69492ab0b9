/**
 * The full feature script: repair, conversion, enlargement, reading view, article snapshots.
 * Injected at run time by the background, only into frames whose small script asks for it.
 */
import { createFull } from '@/utils/page/full';
import { features } from '@/utils/page/features';
import { findFull, publishFull } from '@/utils/page/full-api';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  main() {
    if (!findFull()) publishFull(createFull(features));
  },
});
