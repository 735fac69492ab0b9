/** The popup: what Qingdu did to the tab it controls, and the controls to change it. */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import type { ContentMessage, PageState } from '@/utils/messages';
import { DEFAULT_SETTINGS, getSiteRule, settingsItem, updateSiteRule, type Settings, type SiteRule, type ScriptTarget } from '@/utils/storage';
import { isScriptablePage, resolveTargetTab } from '@/utils/ui/target-tab';
import { sendToTab } from '@/utils/ui/tab-messages';
import { t } from '@/utils/ui/i18n';
import { LiveRegion, useAnnouncer } from '@/components/common/Live';
import { SaveButton } from '@/components/library/SaveButton';
import { LibraryPanel } from '@/components/library/LibraryPanel';
import { PageStatus } from './PageStatus';
import { Controls } from './Controls';
import { SiteRules } from './SiteRules';

type Load =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'unscriptable'; tab: Browser.tabs.Tab }
  | { status: 'error'; tab: Browser.tabs.Tab; message: string }
  | { status: 'ready'; tab: Browser.tabs.Tab; state: PageState; settings: Settings; rule: SiteRule };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a page cannot be controlled, in words a reader can act on. */
export function unscriptableReason(url: string | undefined): string {
  if (!url) return t('cannotRunUnknown');
  if (/^file:/i.test(url)) return t('cannotRunFile');
  if (/\.pdf($|[?#])/i.test(url) || /^(chrome-extension|moz-extension):.*pdf/i.test(url)) return t('cannotRunPdf');
  if (/^https?:/i.test(url)) return t('cannotRunStore');
  return t('cannotRunBrowser');
}

async function readSettings(): Promise<Settings> {
  try {
    return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
  } catch {
    return DEFAULT_SETTINGS;
  }
}

export function Popup({ search }: { search: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [said, announce] = useAnnouncer();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    (async () => {
      const tab = await resolveTargetTab(search);
      if (!live) return;
      if (!tab || tab.id === undefined) return setLoad({ status: 'no-tab' });
      if (!isScriptablePage(tab.url)) return setLoad({ status: 'unscriptable', tab });
      try {
        const state = await sendToTab(tab.id, { type: 'getState' });
        const [settings, rule] = await Promise.all([readSettings(), getSiteRule(state.origin)]);
        if (!live) return;
        setLoad({ status: 'ready', tab, state, settings, rule });
        if (state.repair.total > 0 && state.repair.applied) announce(t('saidRepaired', state.repair.total));
      } catch (error) {
        if (live) setLoad({ status: 'error', tab, message: messageOf(error) });
      }
    })();
    return () => {
      live = false;
    };
  }, [search, attempt]);

  async function reloadTab(tabId: number) {
    await browser.tabs.reload(tabId);
    await new Promise<void>((resolve) => {
      const listener = (id: number, info: { status?: string }) => {
        if (id === tabId && info.status === 'complete') {
          browser.tabs.onUpdated.removeListener(listener);
          resolve();
        }
      };
      browser.tabs.onUpdated.addListener(listener);
    });
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  }

  return (
    <main class="popup" aria-busy={load.status === 'loading'}>
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      {load.status === 'loading' && <p>{t('loadingPage')}</p>}
      {load.status === 'no-tab' && <p role="alert">{t('noTab')}</p>}
      {load.status === 'unscriptable' && (
        <section class="cannot-run">
          <p class="page-status">
            <strong>{t('cannotRunTitle')}</strong>
          </p>
          <p>{unscriptableReason(load.tab.url)}</p>
        </section>
      )}
      {load.status === 'error' && (
        <section class="cannot-run">
          <p role="alert">{t('notRunning')}</p>
          <p class="hint">{load.message}</p>
          <button type="button" onClick={() => void reloadTab(load.tab.id!)}>
            {t('reloadPage')}
          </button>
        </section>
      )}
      {load.status === 'ready' && <TabView tabId={load.tab.id!} initial={load.state} settings={load.settings} initialRule={load.rule} announce={announce} />}
      {/* The library does not wait for the tab: it is read from Qingdu's own database. */}
      <div class="library">
        <LibraryPanel />
      </div>
      <LiveRegion text={said} />
    </main>
  );
}

function TabView(props: { tabId: number; initial: PageState; settings: Settings; initialRule: SiteRule; announce: (s: string) => void }) {
  const [state, setState] = useState(props.initial);
  const [rule, setRule] = useState(props.initialRule);
  const [error, setError] = useState('');
  const { tabId, settings, announce } = props;

  async function send(msg: ContentMessage, say?: (next: PageState) => string): Promise<PageState | undefined> {
    try {
      const next = await sendToTab(tabId, msg);
      setState(next);
      setError('');
      if (say) announce(say(next));
      return next;
    } catch (e) {
      const text = t('actionFailed', messageOf(e));
      setError(text);
      announce(text);
      return undefined;
    }
  }

  async function setEnable(enable: 'always' | 'never' | undefined) {
    try {
      setRule(await updateSiteRule(state.origin, { enable }));
    } catch (e) {
      setError(t('actionFailed', messageOf(e)));
      return;
    }
    await send({ type: 'setSiteEnable', enable }, () => t(enable === 'always' ? 'saidSiteAlways' : enable === 'never' ? 'saidSiteNever' : 'saidSiteAuto'));
  }

  async function setSiteScript(script: ScriptTarget | undefined) {
    try {
      setRule(await updateSiteRule(state.origin, { script }));
    } catch (e) {
      setError(t('actionFailed', messageOf(e)));
      return;
    }
    announce(t('saidSaved'));
    // Showing the chosen script now is what a reader expects; "follow the defaults" leaves the page as it is.
    if (script && state.active && script !== state.script.current) await send({ type: 'setScript', script });
  }

  const defaultScript = rule.script ?? settings.script;

  return (
    <>
      <PageStatus tabId={tabId} state={state} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {state.siteEnable === 'never' ? (
        <p class="note">{t('siteIsNever')}</p>
      ) : state.active ? (
        <Controls state={state} region={settings.region} defaultScript={defaultScript} send={send} />
      ) : (
        <section class="activate">
          <p class="note">{t(state.kind === 'none' ? 'notActiveNone' : 'notActiveGov')}</p>
          <button type="button" onClick={() => void send({ type: 'activate' }, () => t('saidActivated'))}>
            {t('activateHere')}
          </button>
        </section>
      )}
      <div class="save">
        <SaveButton tabId={tabId} state={state} />
      </div>
      <SiteRules origin={state.origin} rule={rule} onEnable={(e) => void setEnable(e)} onScript={(s) => void setSiteScript(s)} />
    </>
  );
}
