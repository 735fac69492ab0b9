import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';

render(<Popup search={location.search} />, document.getElementById('app')!);
