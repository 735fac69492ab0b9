/** A polite live region: screen readers announce what just changed without moving focus. */
import { useCallback, useRef, useState } from 'preact/hooks';

export function useAnnouncer(): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const flip = useRef(false);
  // A trailing zero-width space makes a repeated message a change the screen reader announces again.
  const announce = useCallback((next: string) => {
    flip.current = !flip.current;
    setText(flip.current ? next : `${next}\u200b`);
  }, []);
  return [text, announce];
}

export function LiveRegion({ text }: { text: string }) {
  return (
    <p class="live" role="status" aria-live="polite" aria-atomic="true">
      {text}
    </p>
  );
}
