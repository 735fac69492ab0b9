/**
 * Reads a bounded amount of a page's visible text, one text node per line, from the start or the
 * end. Never reads script or style text and never reads more than it is asked for.
 */

/** Skips text inside these when reading page text. */
const NOT_TEXT = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|TEXTAREA)$/;

/** Page text read forwards from the start, or backwards from the end, up to `max` characters. */
export function pageText(root: Element, max: number, fromEnd = false): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  if (fromEnd) {
    let last: Node = root;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  }
  const parts: string[] = [];
  let length = 0;
  let node: Node | null = fromEnd && walker.currentNode.nodeType === 3 ? walker.currentNode : fromEnd ? walker.previousNode() : walker.nextNode();
  for (let steps = 0; node && length < max && steps < 3000; steps++) {
    const text = node.nodeValue!;
    if (!NOT_TEXT.test(node.parentNode!.nodeName) && text.trim()) {
      parts.push(text);
      length += text.length;
    }
    node = fromEnd ? walker.previousNode() : walker.nextNode();
  }
  if (fromEnd) parts.reverse();
  return parts.join('\n');
}
