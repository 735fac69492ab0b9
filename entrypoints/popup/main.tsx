import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { prefetchFirstList } from '@/utils/library/store';
import { bootPage } from '@/utils/ui/boot';
import '@/components/common/base.css';
import './style.css';

// The library's first page is read while the popup loads its settings and renders.
prefetchFirstList();
void bootPage(document, 'extName', () => render(<Popup search={location.search} />, document.getElementById('app')!));
