/**
 * Starts an extension page (popup, options) without waiting for storage: the UI language and
 * scale are mirrored in the extension origin's localStorage, so the first render already speaks
 * the reader's language at the reader's size; the stored settings are then read and, if they
 * differ, the page is drawn again. Must never be the source of truth: stored settings win.
 */
import { DEFAULT_SETTINGS, settingsItem } from '../storage';
import { applyLocale, t } from './i18n';
import { applyUiScale } from './scale';

const MIRROR_KEY = 'qingdu-ui';

export interface UiPrefs {
  uiLanguage?: string;
  scale?: number;
}

function readMirror(doc: Document): UiPrefs | undefined {
  try {
    const value = JSON.parse(doc.defaultView?.localStorage.getItem(MIRROR_KEY) ?? 'null') as unknown;
    return value && typeof value === 'object' ? (value as UiPrefs) : undefined;
  } catch {
    return undefined;
  }
}

function writeMirror(doc: Document, prefs: UiPrefs): void {
  try {
    doc.defaultView?.localStorage.setItem(MIRROR_KEY, JSON.stringify(prefs));
  } catch {
    /* storage refused: the next start waits for the settings again */
  }
}

/** Applies the UI preferences, titles the page, and draws it; again if the stored settings differ. */
export async function bootPage(doc: Document, titleKey: string, draw: () => void): Promise<void> {
  const apply = (prefs: UiPrefs) => {
    applyLocale(doc, prefs.uiLanguage);
    applyUiScale(doc, prefs.scale);
    doc.title = t(titleKey);
    draw();
  };
  const mirrored = readMirror(doc);
  if (mirrored) apply(mirrored);
  const settings = await settingsItem.getValue().catch(() => DEFAULT_SETTINGS);
  const stored: UiPrefs = { uiLanguage: settings?.uiLanguage, scale: settings?.scale };
  if (!mirrored || mirrored.uiLanguage !== stored.uiLanguage || mirrored.scale !== stored.scale) {
    apply(stored);
    writeMirror(doc, stored);
  }
}
