/**
 * The site's rule from the popup: always / never act on this site, and its default script.
 * The rule is stored first, then the open tab is told, so a reload keeps what the reader chose.
 */
import type { SiteRule, ScriptTarget } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';
import { ScriptSelect } from '@/components/common/ScriptSelect';

export type SiteEnableChoice = 'auto' | 'always' | 'never';

export function SiteRules(props: {
  origin: string;
  rule: SiteRule;
  onEnable: (enable: 'always' | 'never' | undefined) => void;
  onScript: (script: ScriptTarget | undefined) => void;
}) {
  const host = (() => {
    try {
      return new URL(props.origin).host;
    } catch {
      return props.origin;
    }
  })();
  return (
    <section class="site-rules" aria-labelledby="site-rules-title">
      <h2 id="site-rules-title">{t('siteRulesTitle', host)}</h2>
      <div class="control">
        <label class="control-label" for="site-enable">
          {t('siteEnableLabel')}
        </label>
        <select
          id="site-enable"
          value={props.rule.enable ?? 'auto'}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value as SiteEnableChoice;
            props.onEnable(v === 'auto' ? undefined : v);
          }}
        >
          <option value="auto">{t('siteEnableAuto')}</option>
          <option value="always">{t('siteEnableAlways')}</option>
          <option value="never">{t('siteEnableNever')}</option>
        </select>
      </div>
      <div class="control">
        <label class="control-label" for="site-script">
          {t('siteScriptLabel')}
        </label>
        <ScriptSelect id="site-script" value={props.rule.script} onChange={props.onScript} />
      </div>
    </section>
  );
}
