import { render } from 'preact';
import { ReaderPage } from '@/components/library/ReaderPage';
import '@/components/common/base.css';

render(
  <main class="lib-full">
    <ReaderPage search={location.search} />
  </main>,
  document.getElementById('app')!,
);
