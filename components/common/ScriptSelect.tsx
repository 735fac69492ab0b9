/** A select of the scripts Qingdu shows pages in, shared by the popup's site rule and the options page. */
import type { ScriptTarget } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';

/** A script choice with "follow the defaults" as the empty value. */
export function ScriptSelect(props: { id: string; value: ScriptTarget | undefined; onChange: (v: ScriptTarget | undefined) => void; noDefault?: boolean }) {
  return (
    <select
      id={props.id}
      value={props.value ?? ''}
      onChange={(e) => {
        const v = (e.currentTarget as HTMLSelectElement).value;
        props.onChange(v ? (v as ScriptTarget) : undefined);
      }}
    >
      {!props.noDefault && <option value="">{t('scriptFollowDefault')}</option>}
      <option value="original">{t('scriptOriginal')}</option>
      <option value="cn">{t('scriptSimplified')}</option>
      <option value="tw">{t('scriptTw')}</option>
      <option value="hk">{t('scriptHk')}</option>
    </select>
  );
}
