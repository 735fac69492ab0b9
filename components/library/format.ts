// Small display helpers shared by the library's components.
import type { ArticleRecord } from '@/utils/library/types';

export function dateOf(meta: Pick<ArticleRecord, 'publishedAt' | 'savedAt'>): string {
  if (meta.publishedAt) return meta.publishedAt.slice(0, 10);
  return new Date(meta.savedAt).toLocaleDateString('zh-CN');
}

export function savedDate(ms: number): string {
  return new Date(ms).toLocaleString('zh-CN', { hour12: false });
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Other open library views (popup, full page) hear about changes made here. */
export const CHANNEL = 'qingdu-library';

export function broadcastChange(): void {
  try {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage('changed');
    channel.close();
  } catch {
    /* no BroadcastChannel */
  }
}

export function readerHref(id: number): string {
  return `/reader.html?id=${id}`;
}
