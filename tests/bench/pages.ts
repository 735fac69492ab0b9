/** Pages the bench loads, generated the same way in every run. */
import { seeded } from './harness';

const WORDS =
  'the of and to in is was for on that with as by it at from his an were are which this be has had or one their not but new after first two been its other also who they more time city year world people state when most during her over into school only used later would about where united national can some all three may many between them team years government she before under american such these well since while both being part then known early university until including than high second album series each against several company members four film best century music'.split(
    ' ',
  );

/** An ordinary English news page of about `words` words: nav, headings, paragraphs, links, a footer. */
export function plainPage(words = 10_000): string {
  const rand = seeded(42);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)];
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 14);
    const s = Array.from({ length: n }, word).join(' ');
    return s[0].toUpperCase() + s.slice(1) + '.';
  };
  const parts: string[] = [];
  let count = 0;
  let section = 0;
  while (count < words) {
    if (count % 600 < 60) parts.push(`<h2>Section ${++section}: ${sentence()}</h2>`);
    const sentences = Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(' ');
    count += sentences.split(' ').length;
    parts.push(`<p>${sentences} <a href="/story/${count}">Read more</a></p>`);
  }
  const nav = Array.from({ length: 30 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Daily News — ${words} words</title>
<script>window.dataLayer = window.dataLayer || []; function track(e) { window.dataLayer.push(e); } track({ page: location.pathname, t: Date.now() });</script>
</head><body><header><nav><ul>${nav}</ul></nav></header><main><article><h1>${sentence()}</h1>${parts.join('\n')}</article></main>
<footer><p>© Daily News. All rights reserved.</p></footer></body></html>`;
}
