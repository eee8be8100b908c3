/**
 * What the accessibility test measures on one rendered page (runs inside Chromium through
 * page.evaluate, so it is one self-contained function: no imports, no helpers outside it).
 *
 * - text size: every visible text node (and every shown placeholder) at least `minText` px;
 * - tap targets: every visible interactive element (native controls, ARIA widgets, Taro's
 *   components, and any element React gave an onClick) at least `minTarget` px in both directions;
 *   a native input inside Taro's wrapper is measured by the wrapper (that is what a finger hits);
 * - contrast: every visible text (and placeholder) at least `minContrast` against the colours
 *   actually behind it: background colours of its ancestors blended down to the first opaque one,
 *   and for a gradient the worst of its colour stops. Disabled controls are exempt (WCAG 1.4.3).
 */
export interface Finding {
  kind: 'text-size' | 'target-size' | 'contrast' | 'render';
  element: string;
  detail: string;
}

export interface MeasureOptions {
  minText: number | null;
  minTarget: number;
  minContrast: number;
}

export function measurePage(opts: MeasureOptions): Finding[] {
  type RGBA = [number, number, number, number];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const key = `${f.kind}|${f.element}|${f.detail}`;
    if (!seen.has(key)) { seen.add(key); findings.push(f); }
  };

  const describe = (el: Element, text?: string): string => {
    const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3).join('.') : '';
    const words = (text ?? (el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
    const label = el.getAttribute('aria-label') || el.getAttribute('placeholder') || '';
    return `<${el.tagName.toLowerCase()}${cls ? '.' + cls : ''}>${words ? ` "${words}"` : ''}${label && !words ? ` [${label.slice(0, 24)}]` : ''}`;
  };

  const parse = (c: string): RGBA | null => {
    const m = /rgba?\(([^)]+)\)/.exec(c);
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const blend = (top: RGBA, bottom: RGBA): RGBA => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = (c: RGBA) => {
    const ch = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
  };
  const ratio = (a: RGBA, b: RGBA) => {
    const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (l1 + 0.05) / (l2 + 0.05);
  };

  /** The possible colours behind an element: one, or one per gradient stop. */
  const backgroundsOf = (el: Element): RGBA[] => {
    const layers: RGBA[][] = [];
    for (let node: Element | null = el; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      const image = style.backgroundImage;
      if (image && image.includes('gradient')) {
        const stops = (image.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter((c): c is RGBA => !!c);
        if (stops.length) {
          layers.push(stops);
          if (stops.every((s) => s[3] >= 1)) break;
          continue;
        }
      }
      const bg = parse(style.backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push([bg]);
        if (bg[3] >= 1) break;
      }
    }
    let result: RGBA[] = [[255, 255, 255, 1]];
    for (let i = layers.length - 1; i >= 0; i--) {
      const next: RGBA[] = [];
      for (const top of layers[i]) for (const bottom of result) next.push(blend(top, bottom));
      result = next;
    }
    return result;
  };

  const opacityOf = (el: Element) => {
    let o = 1;
    for (let node: Element | null = el; node; node = node.parentElement) o *= Number(getComputedStyle(node).opacity || 1);
    return o;
  };
  const disabled = (el: Element) => !!el.closest('[disabled], [aria-disabled="true"]');
  const visible = (el: Element) => {
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (r.right <= 0 || r.left >= window.innerWidth) return false; // off-screen slides, hidden panels
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') return false;
    if (el.closest('[aria-hidden="true"]')) return false;
    return opacityOf(el) > 0.05;
  };

  const checkContrast = (el: Element, color: string, what: string) => {
    if (disabled(el)) return;
    const fg = parse(color);
    if (!fg) return;
    const backs = backgroundsOf(el);
    const alpha = fg[3] * opacityOf(el);
    const worst = Math.min(...backs.map((b) => ratio(blend([fg[0], fg[1], fg[2], alpha], b), b)));
    if (worst < opts.minContrast) {
      const bgText = backs.map((b) => `rgb(${b.slice(0, 3).map(Math.round).join(',')})`).join('|');
      push({ kind: 'contrast', element: what, detail: `${worst.toFixed(2)}:1 (${color} on ${bgText})` });
    }
  };

  // ---- Text
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    const el = node.parentElement;
    if (!text || !el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width < 1 || r.height < 1 || !visible(el)) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    const what = describe(el, text);
    if (opts.minText !== null && size < opts.minText - 0.01) push({ kind: 'text-size', element: what, detail: `${size}px` });
    checkContrast(el, style.color, what);
  }
  // Placeholders shown in empty fields.
  for (const field of Array.from(document.querySelectorAll('input[placeholder], textarea[placeholder]')) as (HTMLInputElement | HTMLTextAreaElement)[]) {
    if (field.value || !field.placeholder || !visible(field)) continue;
    const ph = getComputedStyle(field, '::placeholder');
    const what = `${describe(field)} placeholder`;
    const size = parseFloat(ph.fontSize || getComputedStyle(field).fontSize);
    if (opts.minText !== null && size < opts.minText - 0.01) push({ kind: 'text-size', element: what, detail: `${size}px` });
    checkContrast(field, ph.color, what);
  }

  // ---- Tap targets
  const INTERACTIVE = 'a[href], button, input:not([type="hidden"]), select, textarea, [role="button"], [role="link"], [role="radio"], [role="checkbox"], [role="switch"], [role="tab"], [role="menuitem"], [role="option"], taro-button-core, taro-checkbox-core, taro-radio-core, taro-switch-core, taro-picker-core';
  const targets = new Set<Element>(Array.from(document.querySelectorAll(INTERACTIVE)));
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    const props = key ? (el as unknown as Record<string, { onClick?: unknown; onTap?: unknown }>)[key] : null;
    if (props && (typeof props.onClick === 'function' || typeof props.onTap === 'function')) targets.add(el);
  }
  const measured = new Set<Element>();
  for (const raw of targets) {
    // A finger hits Taro's wrapper, not the native field inside it.
    const el = raw.closest('taro-input-core, taro-textarea-core, taro-button-core') ?? raw;
    if (measured.has(el)) continue;
    measured.add(el);
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width < opts.minTarget - 0.5 || r.height < opts.minTarget - 0.5) {
      push({ kind: 'target-size', element: describe(el), detail: `${Math.round(r.width)}×${Math.round(r.height)}px` });
    }
  }
  return findings;
}
