/**
 * The library's background duties: save the article of a tab (menu, command), and show on the
 * toolbar badge whether the current page is already saved.
 */
import type { ArticleSnapshot } from '../messages';
import { tellTab } from '../background/tabs';

/** Asks the tab for its article and saves it. Replaced by the library's storage in its own module. */
export async function saveFromTab(tabId: number): Promise<ArticleSnapshot | undefined> {
  const snapshot = (await tellTab(tabId, { type: 'getArticle' })) as ArticleSnapshot | undefined;
  return snapshot;
}

export function watchForBadges(): () => void {
  return () => undefined;
}
