// Shared setup for the library's unit tests: an in-memory IndexedDB and fresh databases.
import 'fake-indexeddb/auto';
import { openLibraryDB } from '@/utils/library/db';
import type { ArticleInput } from '@/utils/library/types';

let n = 0;
export function freshDb() {
  n++;
  return openLibraryDB(`test-library-${n}-${Math.random()}`);
}

export function article(id: string, over: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: `https://www.example.gov.cn/art/${id}.html`,
    title: `标题 ${id}`,
    siteName: '示例政府网',
    source: '办公厅',
    publishedAt: '2020-10-22',
    script: 'original',
    text: `正文 ${id}`,
    originalText: `正文 ${id}`,
    ...over,
  };
}
