/**
 * Always-on content script: small, cheap, and only wires the page controller to the browser.
 * The heavy features arrive as a second script (full.content) only on pages Qingdu acts on.
 */
import { isContentMessage } from '@/utils/messages';
import { loadFullThroughBackground, startPage } from '@/utils/page/controller';
import { onTabMessage } from '@/utils/page/ext';
import { revealEarlyLater } from '@/utils/typography/early';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  main(ctx) {
    // On a site the reader enlarged the article waits hidden for its size; never for long.
    revealEarlyLater(document);
    const controller = startPage(document, ctx.signal, loadFullThroughBackground);
    const stopListening = onTabMessage((msg) => (isContentMessage(msg) ? controller.handle(msg) : undefined));
    ctx.onInvalidated(stopListening);
  },
});
