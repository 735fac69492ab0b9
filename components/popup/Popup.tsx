/** The popup: what Qingdu did to the tab it controls, and the controls to change it. */
import { useEffect, useState } from 'preact/hooks';
import type { Browser } from 'wxt/browser';
import type { PageState } from '@/utils/messages';
import { isScriptablePage, resolveTargetTab } from '@/utils/ui/target-tab';
import { sendToTab } from '@/utils/ui/tab-messages';
import { PageStatus } from './PageStatus';

type Load =
  | { status: 'loading' }
  | { status: 'no-tab' }
  | { status: 'unscriptable'; tab: Browser.tabs.Tab }
  | { status: 'error'; tab: Browser.tabs.Tab; message: string }
  | { status: 'ready'; tab: Browser.tabs.Tab; state: PageState };

export function Popup({ search }: { search: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    (async () => {
      const tab = await resolveTargetTab(search);
      if (!tab || tab.id === undefined) return setLoad({ status: 'no-tab' });
      if (!isScriptablePage(tab.url)) return setLoad({ status: 'unscriptable', tab });
      try {
        setLoad({ status: 'ready', tab, state: await sendToTab(tab.id, { type: 'getState' }) });
      } catch (error) {
        setLoad({ status: 'error', tab, message: error instanceof Error ? error.message : String(error) });
      }
    })();
  }, [search]);

  return (
    <main class="popup">
      <h1>清读</h1>
      {load.status === 'loading' && <p>正在读取页面…</p>}
      {load.status === 'no-tab' && <p role="alert">找不到要控制的标签页。</p>}
      {load.status === 'unscriptable' && <p role="status">清读无法在此页面上运行（浏览器内部页面、扩展商店或本地文件）。</p>}
      {load.status === 'error' && <p role="alert">{load.message}</p>}
      {load.status === 'ready' && <PageStatus tabId={load.tab.id!} state={load.state} />}
    </main>
  );
}
