import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { bootPage } from '@/utils/ui/boot';
import '@/components/common/base.css';
import './style.css';

void bootPage(document, 'optTitle', () => render(<Options firefox={import.meta.env.FIREFOX} />, document.getElementById('app')!));
