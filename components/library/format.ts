// Small display helpers shared by the library's components.
import type { ArticleRecord } from '@/utils/library/types';
import { useEffect, useState } from 'preact/hooks';

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

/**
 * A counter that goes up whenever any page of the extension changes the library, so views
 * re-read it; a context without BroadcastChannel simply never hears of other pages' changes.
 */
export function useLibraryVersion(): [number, () => void] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let channel: BroadcastChannel | undefined;
    try {
      channel = new BroadcastChannel(CHANNEL);
      channel.onmessage = () => setVersion((v) => v + 1);
    } catch {
      /* no BroadcastChannel */
    }
    return () => channel?.close();
  }, []);
  return [version, () => setVersion((v) => v + 1)];
}

export function readerHref(id: number): string {
  return `/reader.html?id=${id}`;
}
