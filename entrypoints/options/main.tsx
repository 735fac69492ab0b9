import { render } from 'preact';
import { Options } from '@/components/options/Options';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/storage';
import { applyLocale, t } from '@/utils/ui/i18n';
import { applyUiScale } from '@/utils/ui/scale';
import '@/components/common/base.css';
import './style.css';

async function main() {
  const settings = await settingsItem.getValue().catch(() => DEFAULT_SETTINGS);
  applyLocale(document, settings?.uiLanguage);
  applyUiScale(document, settings?.scale);
  document.title = t('optTitle');
  render(<Options firefox={import.meta.env.FIREFOX} />, document.getElementById('app')!);
}

void main();
