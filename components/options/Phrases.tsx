/** The user phrase table: add and remove phrases, import and export the table as text. */
import { useState } from 'preact/hooks';
import type { UserPhrase } from '@/utils/settings';
import { t } from '@/utils/ui/i18n';
import { formatPhrases, mergePhrases, parsePhraseLine, parsePhrases, type PhraseLineError } from '@/utils/ui/phrase-text';

const DIR_KEY = { both: 'dirBoth', s2t: 'dirS2t', t2s: 'dirT2s' } as const;

export function Phrases(props: { phrases: UserPhrase[]; onSave: (next: UserPhrase[], said: string) => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [direction, setDirection] = useState<UserPhrase['direction']>('both');
  const [addProblem, setAddProblem] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<PhraseLineError[]>([]);

  function add(event: Event) {
    event.preventDefault();
    const parsed = parsePhraseLine(`${from.trim()}\t${to.trim()}\t${direction}`);
    if (typeof parsed === 'string') return setAddProblem(t(`phraseError_${parsed}`));
    setAddProblem('');
    setFrom('');
    setTo('');
    props.onSave(mergePhrases(props.phrases, [parsed]), t('saidPhraseAdded', parsed.from, parsed.to));
  }

  function importText() {
    const { phrases, errors } = parsePhrases(text);
    setErrors(errors);
    // Bad lines keep the whole import back, so nothing is half-imported and the text stays to fix.
    if (errors.length) return;
    if (!phrases.length) return setErrors([{ line: 0, text: '', reason: 'fields' }]);
    props.onSave(mergePhrases(props.phrases, phrases), t('saidPhrasesImported', phrases.length));
    setText('');
  }

  function download() {
    const blob = new Blob([formatPhrases(props.phrases)], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'qingdu-phrases.txt';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <section aria-labelledby="phrases-title">
      <h2 id="phrases-title">{t('optPhrasesTitle')}</h2>
      <p class="hint">{t('phrasesHint')}</p>
      {props.phrases.length === 0 ? (
        <p class="hint">{t('phrasesEmpty')}</p>
      ) : (
        <table class="phrases">
          <thead>
            <tr>
              <th scope="col">{t('phraseFrom')}</th>
              <th scope="col">{t('phraseTo')}</th>
              <th scope="col">{t('phraseDirection')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('rulesActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.phrases.map((p) => (
              <tr key={`${p.direction}:${p.from}`}>
                <td>{p.from}</td>
                <td>{p.to}</td>
                <td>{t(DIR_KEY[p.direction])}</td>
                <td>
                  <button
                    type="button"
                    aria-label={t('phraseRemove', p.from, p.to)}
                    onClick={() => props.onSave(props.phrases.filter((q) => q !== p), t('saidPhraseRemoved', p.from))}
                  >
                    {t('remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form class="inline-form" onSubmit={add}>
        <label for="phrase-from">{t('phraseFrom')}</label>
        <input id="phrase-from" type="text" value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
        <label for="phrase-to">{t('phraseTo')}</label>
        <input id="phrase-to" type="text" value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
        <label for="phrase-direction">{t('phraseDirection')}</label>
        <select id="phrase-direction" value={direction} onChange={(e) => setDirection((e.currentTarget as HTMLSelectElement).value as UserPhrase['direction'])}>
          <option value="both">{t('dirBoth')}</option>
          <option value="s2t">{t('dirS2t')}</option>
          <option value="t2s">{t('dirT2s')}</option>
        </select>
        <button type="submit">{t('addPhrase')}</button>
        {addProblem && (
          <p class="error" role="alert">
            {addProblem}
          </p>
        )}
      </form>

      <h3>{t('phrasesTextTitle')}</h3>
      <label for="phrases-text">{t('phrasesTextLabel')}</label>
      <textarea id="phrases-text" rows={6} value={text} aria-describedby="phrases-text-hint" onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <p class="hint" id="phrases-text-hint">
        {t('phrasesTextHint')}
      </p>
      {errors.length > 0 && (
        <div class="error" role="alert">
          <p>{t('phrasesImportFailed')}</p>
          <ul>
            {errors.slice(0, 20).map((e) => (
              <li key={e.line}>{e.line ? t('phraseLineError', e.line, e.text, t(`phraseError_${e.reason}`)) : t('phrasesNothing')}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="button-row">
        <button type="button" onClick={importText}>
          {t('phrasesImport')}
        </button>
        <button type="button" onClick={() => setText(formatPhrases(props.phrases))}>
          {t('phrasesShowExport')}
        </button>
        <button type="button" onClick={download} disabled={props.phrases.length === 0}>
          {t('phrasesDownload')}
        </button>
      </div>
    </section>
  );
}
