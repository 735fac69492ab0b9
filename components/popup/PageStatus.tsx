/** The top of the popup: what kind of page this is, its site and title, why, and what was repaired. */
import type { PageState } from '@/utils/messages';
import { t } from '@/utils/ui/i18n';

const KIND_KEY = { article: 'kindArticle', gov: 'kindGov', none: 'kindNone' } as const;

export function PageStatus({ tabId, state }: { tabId: number; state: PageState }) {
  const classes = Object.entries(state.repair.byClass)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  return (
    <section class="page-status" aria-labelledby="page-status-kind" data-tab-id={tabId}>
      <p class="kind" id="page-status-kind" data-kind={state.kind}>
        {t(KIND_KEY[state.kind])}
      </p>
      {state.meta.siteName && <p class="site">{state.meta.siteName}</p>}
      {state.meta.title && <p class="title">{state.meta.title}</p>}
      {state.reasons.length > 0 && state.kind !== 'none' && (
        <details class="reasons">
          <summary>{t(state.kind === 'article' ? 'whyArticle' : 'whyGov')}</summary>
          <ul>
            {state.reasons.map((r) => (
              <li key={r.id}>{r.label}</li>
            ))}
          </ul>
        </details>
      )}
      {state.repair.total > 0 ? (
        <details class="repairs">
          <summary>{t('repairedCount', state.repair.total)}</summary>
          <ul>
            {classes.map(([cls, n]) => (
              <li key={cls} data-class={cls}>
                {t(`repairClass${cls}`) === `repairClass${cls}` ? t('repairClassOther', cls, n) : t('repairClassCount', t(`repairClass${cls}`), n)}
              </li>
            ))}
          </ul>
        </details>
      ) : (
        state.active && <p class="repairs-none">{t('repairedNone')}</p>
      )}
    </section>
  );
}
