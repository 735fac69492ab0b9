/**
 * Where the library's own components (save button, saved list, tools) mount in the popup and
 * options page. They are picked up from components/library when present, so these pages build
 * and work on their own; each slot renders nothing when its component is absent.
 */
import type { ComponentType } from 'preact';
import type { PageState } from '@/utils/messages';

type Mod<P> = Record<string, ComponentType<P> | undefined>;

const saveMods = import.meta.glob<Mod<{ tabId: number; state: PageState }>>('../library/SaveButton.tsx', { eager: true });
const panelMods = import.meta.glob<Mod<Record<string, never>>>('../library/LibraryPanel.tsx', { eager: true });
const toolMods = import.meta.glob<Mod<Record<string, never>>>('../library/LibraryTools.tsx', { eager: true });

function pick<P>(mods: Record<string, Mod<P>>, name: string): ComponentType<P> | undefined {
  for (const mod of Object.values(mods)) if (mod[name]) return mod[name];
  return undefined;
}

export const SaveButton = pick(saveMods, 'SaveButton');
export const LibraryPanel = pick(panelMods, 'LibraryPanel');
export const LibraryTools = pick(toolMods, 'LibraryTools');
