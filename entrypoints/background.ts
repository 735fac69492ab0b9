/**
 * Background: injects the full feature script on request, keeps a converter for pages, and
 * wires menus, commands and the library's badge. Holds no page state of its own.
 */
import { browser } from 'wxt/browser';
import { watchForCommands } from '@/utils/background/commands';
import { watchForFeatureRequests } from '@/utils/background/inject';
import { watchForConvertRequests } from '@/utils/convert/background';
import { createMenus, watchForMenuClicks } from '@/utils/background/menus';
import { saveFromTab, watchForBadges } from '@/utils/library/background';
import { watchEarlyTypography } from '@/utils/typography/early-background';

export default defineBackground(() => {
  watchForFeatureRequests();
  watchForConvertRequests();
  watchForCommands(saveFromTab);
  watchForMenuClicks(saveFromTab);
  watchForBadges();
  watchEarlyTypography();
  browser.runtime.onInstalled.addListener(() => void createMenus());
});
