/**
 * 原文 · 简体 · 繁體 as a toolbar of toggle buttons: the pressed one is the tab's current script.
 * Tab reaches the group once (roving tabindex); arrow keys, Home and End move between the options;
 * Enter or Space picks one.
 */
import { useRef } from 'preact/hooks';
import type { ScriptTarget } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';

type Option = 'original' | 'cn' | 'trad';

export function scriptOption(current: ScriptTarget): Option {
  return current === 'tw' || current === 'hk' ? 'trad' : current;
}

export function ScriptControl(props: {
  current: ScriptTarget;
  region: 'tw' | 'hk';
  onPick: (script: ScriptTarget) => void;
}) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const selected = scriptOption(props.current);
  const options: { key: Option; label: string; target: ScriptTarget }[] = [
    { key: 'original', label: t('scriptOriginal'), target: 'original' },
    { key: 'cn', label: t('scriptSimplified'), target: 'cn' },
    { key: 'trad', label: t('scriptTraditional'), target: props.region },
  ];

  function onKeyDown(event: KeyboardEvent, index: number) {
    const last = options.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % options.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index + last) % options.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    refs.current[next]?.focus();
  }

  return (
    <div class="control">
      <span class="control-label" id="script-label">
        {t('scriptLabel')}
      </span>
      <div class="segmented" role="toolbar" aria-labelledby="script-label">
        {options.map((o, i) => (
          <button
            key={o.key}
            type="button"
            ref={(el) => {
              refs.current[i] = el;
            }}
            aria-pressed={selected === o.key}
            tabIndex={selected === o.key ? 0 : -1}
            onKeyDown={(e) => onKeyDown(e, i)}
            onClick={() => props.onPick(o.target)}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p class="hint">{t(props.region === 'hk' ? 'regionHintHk' : 'regionHintTw')}</p>
    </div>
  );
}
