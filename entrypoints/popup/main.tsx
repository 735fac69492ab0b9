import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { PAGE_SIZE } from '@/components/library/LibraryPanel';
import { prefetchFirstList } from '@/utils/library/store';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/storage';
import { applyLocale, t } from '@/utils/ui/i18n';
import { applyUiScale } from '@/utils/ui/scale';
import '@/components/common/base.css';
import './style.css';

async function main() {
  // The library's first page is read while the settings load and the popup renders.
  prefetchFirstList(PAGE_SIZE);
  const settings = await settingsItem.getValue().catch(() => DEFAULT_SETTINGS);
  applyLocale(document, settings?.uiLanguage);
  applyUiScale(document, settings?.scale);
  document.title = t('extName');
  render(<Popup search={location.search} />, document.getElementById('app')!);
}

void main();
