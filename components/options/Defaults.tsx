/** The defaults section of the options page: script, region, size, line height, repair, which pages, language. */
import type { Settings } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';
import { ScriptSelect } from '@/components/common/ScriptSelect';
import { LINE_HEIGHTS } from '@/components/popup/Controls';

export const SCALES = [1, 1.125, 1.25, 1.5, 1.75, 2];

export function Defaults(props: { settings: Settings; onChange: (patch: Partial<Settings>) => void }) {
  const s = props.settings;
  const scales = SCALES.includes(s.scale) ? SCALES : [...SCALES, s.scale].sort((a, b) => a - b);
  const heights = LINE_HEIGHTS.includes(s.lineHeight) ? LINE_HEIGHTS : [...LINE_HEIGHTS, s.lineHeight].sort((a, b) => a - b);
  return (
    <section aria-labelledby="defaults-title">
      <h2 id="defaults-title">{t('optDefaultsTitle')}</h2>

      <div class="field">
        <label for="opt-script">{t('optScript')}</label>
        <ScriptSelect id="opt-script" value={s.script} noDefault onChange={(script) => script && props.onChange({ script })} />
      </div>

      <fieldset>
        <legend>{t('optRegion')}</legend>
        {(['tw', 'hk'] as const).map((region) => (
          <label key={region} class="choice">
            <input type="radio" name="region" value={region} checked={s.region === region} onChange={() => props.onChange({ region })} />
            <span>{t(region === 'tw' ? 'regionTw' : 'regionHk')}</span>
          </label>
        ))}
        <label class="choice">
          <input type="checkbox" checked={s.twPhrases} onChange={(e) => props.onChange({ twPhrases: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('optTwPhrases')}</span>
        </label>
        <p class="hint">{t('optTwPhrasesHint')}</p>
      </fieldset>

      <div class="field">
        <label for="opt-scale">{t('optScale')}</label>
        <select id="opt-scale" value={String(s.scale)} onChange={(e) => props.onChange({ scale: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {scales.map((v) => (
            <option key={v} value={String(v)}>
              {Math.round(v * 100)}%
            </option>
          ))}
        </select>
        <p class="hint">{t('optScaleHint')}</p>
      </div>

      <div class="field">
        <label for="opt-line-height">{t('lineHeightLabel')}</label>
        <select id="opt-line-height" value={String(s.lineHeight)} onChange={(e) => props.onChange({ lineHeight: Number((e.currentTarget as HTMLSelectElement).value) })}>
          {heights.map((v) => (
            <option key={v} value={String(v)}>
              {v.toFixed(1)}
            </option>
          ))}
        </select>
      </div>

      <div class="field">
        <label class="choice">
          <input type="checkbox" role="switch" checked={s.repair} onChange={(e) => props.onChange({ repair: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('optRepair')}</span>
        </label>
      </div>

      <fieldset>
        <legend>{t('optActOn')}</legend>
        {(['article', 'gov', 'chinese'] as const).map((actOn) => (
          <label key={actOn} class="choice">
            <input type="radio" name="actOn" value={actOn} checked={s.actOn === actOn} onChange={() => props.onChange({ actOn })} />
            <span>{t(actOn === 'article' ? 'actOnArticle' : actOn === 'gov' ? 'actOnGov' : 'actOnChinese')}</span>
          </label>
        ))}
      </fieldset>

      <div class="field">
        <label for="opt-language">{t('optLanguage')}</label>
        <select
          id="opt-language"
          value={s.uiLanguage ?? 'auto'}
          onChange={(e) => props.onChange({ uiLanguage: (e.currentTarget as HTMLSelectElement).value as Settings['uiLanguage'] })}
        >
          <option value="auto">{t('languageAuto')}</option>
          <option value="zh_CN" lang="zh-CN">简体中文</option>
          <option value="zh_TW" lang="zh-TW">繁體中文</option>
          <option value="en" lang="en">English</option>
        </select>
      </div>
    </section>
  );
}
