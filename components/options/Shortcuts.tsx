/** The keyboard shortcuts as the browser has them now, and the way to change them. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/ui/i18n';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

const COMMAND_KEY: Record<string, string> = {
  'cycle-script': 'cmdCycleScript',
  'zoom-in': 'zoomIn',
  'zoom-out': 'zoomOut',
  'save-article': 'cmdSave',
};

export function Shortcuts({ firefox }: { firefox: boolean }) {
  const [commands, setCommands] = useState<Command[] | undefined>();
  const [problem, setProblem] = useState('');

  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) => setCommands(all.filter((c) => c.name && c.name !== '_execute_action' && c.name !== '_execute_browser_action')))
      .catch((e: unknown) => setProblem(String(e)));
  }, []);

  async function openSettings() {
    try {
      const commandsApi = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
      if (commandsApi.openShortcutSettings) await commandsApi.openShortcutSettings();
      else await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
    } catch (e) {
      setProblem(t('shortcutsOpenFailed', String(e)));
    }
  }

  return (
    <section aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('optShortcutsTitle')}</h2>
      {commands && (
        <table class="shortcuts">
          <thead>
            <tr>
              <th scope="col">{t('shortcutAction')}</th>
              <th scope="col">{t('shortcutKeys')}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((c) => (
              <tr key={c.name}>
                <td>{COMMAND_KEY[c.name!] ? t(COMMAND_KEY[c.name!]) : c.description || c.name}</td>
                <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : t('shortcutNone')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">{t(firefox ? 'shortcutsHowFirefox' : 'shortcutsHowChrome')}</p>
      <button type="button" onClick={() => void openSettings()}>
        {t('shortcutsChange')}
      </button>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
