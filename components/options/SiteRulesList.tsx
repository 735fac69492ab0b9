/** The options page's list of site rules: add, edit and remove. */
import { useState } from 'preact/hooks';
import type { SiteRule, SiteRules } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';
import { siteOrigin } from '@/utils/ui/site-origin';
import { ScriptSelect } from '@/components/common/ScriptSelect';

export function SiteRulesList(props: { rules: SiteRules; onSet: (origin: string, rule: SiteRule | undefined) => void }) {
  const [input, setInput] = useState('');
  const [problem, setProblem] = useState('');
  const origins = Object.keys(props.rules).sort();

  function add(event: Event) {
    event.preventDefault();
    const origin = siteOrigin(input);
    if (!origin) return setProblem(t('siteAddInvalid', input.trim()));
    setProblem('');
    setInput('');
    props.onSet(origin, { enable: 'always', ...props.rules[origin] });
  }

  const enableValue = (r: SiteRule) => r.enable ?? 'auto';

  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{t('optRulesTitle')}</h2>
      {origins.length === 0 ? (
        <p class="hint">{t('rulesEmpty')}</p>
      ) : (
        <table class="rules">
          <thead>
            <tr>
              <th scope="col">{t('rulesSite')}</th>
              <th scope="col">{t('siteEnableLabel')}</th>
              <th scope="col">{t('siteScriptLabel')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('rulesActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {origins.map((origin, i) => {
              const rule = props.rules[origin];
              return (
                <tr key={origin}>
                  <th scope="row" id={`rule-${i}`}>
                    {origin}
                  </th>
                  <td>
                    <select
                      aria-label={t('rulesEnableFor', origin)}
                      value={enableValue(rule)}
                      onChange={(e) => {
                        const v = (e.currentTarget as HTMLSelectElement).value;
                        props.onSet(origin, { ...rule, enable: v === 'auto' ? undefined : (v as 'always' | 'never') });
                      }}
                    >
                      <option value="auto">{t('siteEnableAuto')}</option>
                      <option value="always">{t('siteEnableAlways')}</option>
                      <option value="never">{t('siteEnableNever')}</option>
                    </select>
                  </td>
                  <td>
                    <ScriptSelect id={`rule-script-${i}`} value={rule.script} onChange={(script) => props.onSet(origin, { ...rule, script })} />
                    <label class="visually-hidden" for={`rule-script-${i}`}>
                      {t('rulesScriptFor', origin)}
                    </label>
                  </td>
                  <td>
                    <button type="button" aria-label={t('rulesRemoveFor', origin)} onClick={() => props.onSet(origin, undefined)}>
                      {t('remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form class="inline-form" onSubmit={add}>
        <label for="rule-new">{t('rulesAddLabel')}</label>
        <input
          id="rule-new"
          type="text"
          inputMode="url"
          value={input}
          placeholder="www.hubei.gov.cn"
          aria-describedby="rule-new-hint"
          aria-invalid={problem ? true : undefined}
          onInput={(e) => setInput((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('add')}</button>
        <p class="hint" id="rule-new-hint">
          {t('rulesAddHint')}
        </p>
        {problem && (
          <p class="error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </section>
  );
}
