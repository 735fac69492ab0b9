/** The options page: Qingdu's defaults, site rules, user phrases, shortcuts and library tools. */
import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, settingsItem, siteRulesItem, userPhrasesItem, type Settings, type SiteRule, type SiteRules, type UserPhrase } from '@/utils/storage';
import { applyLocale, t } from '@/utils/ui/i18n';
import { applyUiScale } from '@/utils/ui/scale';
import { LiveRegion, useAnnouncer } from '@/components/common/Live';
import { LibraryTools } from '@/components/library/LibraryTools';
import { Defaults } from './Defaults';
import { SiteRulesList } from './SiteRulesList';
import { Phrases } from './Phrases';
import { Shortcuts } from './Shortcuts';

interface Loaded {
  settings: Settings;
  rules: SiteRules;
  phrases: UserPhrase[];
}

export function Options({ firefox = false }: { firefox?: boolean }) {
  const [data, setData] = useState<Loaded | undefined>();
  const [problem, setProblem] = useState('');
  const [said, announce] = useAnnouncer();
  // Bumped when the UI language changes, so every string is read again.
  const [, setLocaleTick] = useState(0);

  useEffect(() => {
    Promise.all([settingsItem.getValue(), siteRulesItem.getValue(), userPhrasesItem.getValue()])
      .then(([settings, rules, phrases]) =>
        setData({ settings: { ...DEFAULT_SETTINGS, ...settings }, rules: rules ?? {}, phrases: Array.isArray(phrases) ? phrases : [] }),
      )
      .catch((e: unknown) => setProblem(String(e)));
  }, []);

  async function guard(work: () => Promise<void>, said: string) {
    try {
      await work();
      announce(said);
      setProblem('');
    } catch (e) {
      setProblem(t('saveFailed', e instanceof Error ? e.message : String(e)));
    }
  }

  function changeSettings(patch: Partial<Settings>) {
    if (!data) return;
    const settings = { ...data.settings, ...patch };
    setData({ ...data, settings });
    void guard(async () => {
      await settingsItem.setValue(settings);
      if ('uiLanguage' in patch) {
        applyLocale(document, settings.uiLanguage);
        setLocaleTick((n) => n + 1);
      }
      if ('scale' in patch) applyUiScale(document, settings.scale);
    }, t('saidSaved'));
  }

  function setRule(origin: string, rule: SiteRule | undefined) {
    if (!data) return;
    const rules = { ...data.rules };
    const clean = rule ? Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) : {};
    if (Object.keys(clean).length === 0) delete rules[origin];
    else rules[origin] = clean;
    setData({ ...data, rules });
    void guard(() => siteRulesItem.setValue(rules), rule ? t('saidSaved') : t('saidRuleRemoved', origin));
  }

  function savePhrases(phrases: UserPhrase[], said: string) {
    if (!data) return;
    setData({ ...data, phrases });
    void guard(() => userPhrasesItem.setValue(phrases), said);
  }

  return (
    <main class="options">
      <h1>{t('optTitle')}</h1>
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
      {!data ? (
        <p>{t('loadingSettings')}</p>
      ) : (
        <>
          <Defaults settings={data.settings} onChange={changeSettings} />
          <SiteRulesList rules={data.rules} onSet={setRule} />
          <Phrases phrases={data.phrases} onSave={savePhrases} />
          <Shortcuts firefox={firefox} />
          <section aria-labelledby="library-title">
            <h2 id="library-title">{t('optLibraryTitle')}</h2>
            <LibraryTools />
          </section>
        </>
      )}
      <LiveRegion text={said} />
    </main>
  );
}
