import { render } from 'preact';
import { useState } from 'preact/hooks';
import { LibraryPanel } from '@/components/library/LibraryPanel';
import { LibraryTools } from '@/components/library/LibraryTools';
import { prefetchFirstList } from '@/utils/library/store';
import '@/components/common/base.css';

// The first page is read while the page renders.
prefetchFirstList();

function LibraryPage() {
  // The tools ask the browser for storage usage, which can be slow: only once they are shown.
  const [tools, setTools] = useState(false);
  return (
    <main class="lib-full">
      <h1>清读收藏库</h1>
      <LibraryPanel full />
      <details onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && setTools(true)}>
        <summary>导出、导入与存储</summary>
        {tools && <LibraryTools />}
      </details>
    </main>
  );
}

render(<LibraryPage />, document.getElementById('app')!);
