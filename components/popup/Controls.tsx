/** The popup's controls for the page: script, text size, line height, reading view, repair. */
import type { ContentMessage, PageState } from '@/utils/messages';
import type { ScriptTarget } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';
import { ScriptControl } from './ScriptControl';
import { LINE_HEIGHT_MAX, LINE_HEIGHT_MIN } from '@/utils/typography/style';

/** The line heights offered, within the range the text-size feature applies. */
export const LINE_HEIGHTS = [LINE_HEIGHT_MIN, 1.8, 2, LINE_HEIGHT_MAX];

export type Send = (msg: ContentMessage, say?: (next: PageState) => string) => Promise<PageState | undefined>;

export function percent(scale: number): number {
  return Math.round(scale * 100);
}

export function Controls(props: { state: PageState; region: 'tw' | 'hk'; defaultScript: ScriptTarget; send: Send }) {
  const { state, send } = props;
  const typo = state.typography;
  const heights = LINE_HEIGHTS.includes(typo.lineHeight) ? LINE_HEIGHTS : [...LINE_HEIGHTS, typo.lineHeight].sort((a, b) => a - b);
  const showingOriginal = !state.repair.applied && state.script.current === 'original';
  const scriptName = (s: ScriptTarget) => t(s === 'original' ? 'scriptOriginal' : s === 'cn' ? 'scriptSimplified' : 'scriptTraditional');

  async function toggleOriginal() {
    if (!showingOriginal) {
      if (state.script.current !== 'original') await send({ type: 'setScript', script: 'original' });
      await send({ type: 'setRepair', applied: false }, () => t('saidShowingOriginal'));
    } else {
      const next = await send({ type: 'setRepair', applied: true }, (s) => t('saidRepaired', s.repair.total));
      if (next && props.defaultScript !== 'original') await send({ type: 'setScript', script: props.defaultScript });
    }
  }

  return (
    <section class="controls" aria-label={t('controlsLabel')}>
      <ScriptControl
        current={state.script.current}
        region={props.region}
        onPick={(script) => send({ type: 'setScript', script }, (s) => t('saidScript', scriptName(s.script.current)))}
      />

      <div class="control">
        <span class="control-label" id="size-label">
          {t('sizeLabel')}
        </span>
        <div class="size-row" role="group" aria-labelledby="size-label">
          <button type="button" aria-label={t('zoomOut')} onClick={() => send({ type: 'zoom', direction: -1 }, (s) => t('saidSize', percent(s.typography.scale)))}>
            {t('zoomOutShort')}
          </button>
          <span class="size-value" title={t('sizeNow', percent(typo.scale))}>
            {percent(typo.scale)}%
          </span>
          <button type="button" aria-label={t('zoomIn')} onClick={() => send({ type: 'zoom', direction: 1 }, (s) => t('saidSize', percent(s.typography.scale)))}>
            {t('zoomInShort')}
          </button>
        </div>
      </div>

      <div class="control">
        <label class="control-label" for="line-height">
          {t('lineHeightLabel')}
        </label>
        <select
          id="line-height"
          value={String(typo.lineHeight)}
          onChange={(e) => send({ type: 'setLineHeight', value: Number((e.currentTarget as HTMLSelectElement).value) }, (s) => t('saidLineHeight', s.typography.lineHeight))}
        >
          {heights.map((h) => (
            <option key={h} value={String(h)}>
              {h.toFixed(1)}
            </option>
          ))}
        </select>
      </div>

      <div class="button-row">
        <button type="button" aria-pressed={typo.reading} onClick={() => send({ type: 'setReading', open: !typo.reading }, (s) => t(s.typography.reading ? 'saidReadingOn' : 'saidReadingOff'))}>
          {t('readingView')}
        </button>
        <button type="button" onClick={() => send({ type: 'resetTypography' }, () => t('saidReset'))}>
          {t('resetTypography')}
        </button>
      </div>

      <div class="control repair">
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={state.repair.applied}
            onChange={(e) => {
              const applied = (e.currentTarget as HTMLInputElement).checked;
              void send({ type: 'setRepair', applied }, (s) => (s.repair.applied ? t('saidRepaired', s.repair.total) : t('saidRepairOff')));
            }}
          />
          <span>{t('repairSwitch')}</span>
        </label>
        <button type="button" aria-pressed={showingOriginal} onClick={() => void toggleOriginal()}>
          {t('showOriginal')}
        </button>
      </div>
    </section>
  );
}
