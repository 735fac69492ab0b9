import { render } from 'preact';
import { LibraryPanel } from '@/components/library/LibraryPanel';
import { LibraryTools } from '@/components/library/LibraryTools';
import '@/components/common/base.css';

function LibraryPage() {
  return (
    <main class="lib-full">
      <h1>清读收藏库</h1>
      <LibraryPanel full />
      <details>
        <summary>导出、导入与存储</summary>
        <LibraryTools />
      </details>
    </main>
  );
}

render(<LibraryPage />, document.getElementById('app')!);
