/** The top of the popup: what kind of page this is, its site and title. */
import type { PageState } from '@/utils/messages';

const KIND_LABEL = { article: '政务文章', gov: '政务网站', none: '普通网页' } as const;

export function PageStatus({ tabId, state }: { tabId: number; state: PageState }) {
  return (
    <section class="page-status" aria-label="页面状态" data-tab-id={tabId}>
      <p class="kind" data-kind={state.kind}>{KIND_LABEL[state.kind]}</p>
      {state.meta.siteName && <p class="site">{state.meta.siteName}</p>}
      {state.meta.title && <p class="title">{state.meta.title}</p>}
    </section>
  );
}
