/**
 * Escaping for everything that goes into a report page. Text from a scenario or
 * a summary is never trusted: it reaches HTML only through `html` (which escapes
 * every interpolated value that is not already `SafeHtml`) or through
 * `jsonForScript` (JSON with `<` escaped, for `<script type="application/json">`).
 */

/** A fragment of HTML that is already safe to place in a page. */
export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A value that `html` can interpolate: text is escaped, arrays are joined, null/undefined/false render nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for HTML: the literal parts are trusted (they are our code),
 * every interpolation is escaped unless it is `SafeHtml`.
 * @example html`<td>${name}</td>` // name '<b>' renders as &lt;b&gt;
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks trusted markup (our own constants, never data) as safe. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins fragments into one. */
export function joinHtml(parts: readonly HtmlValue[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map(render).join(separator));
}

/**
 * JSON for a `<script type="application/json">` block: `<` becomes `\u003c`, so
 * no `</script>` or `<!--` in the data can end or confuse the block. U+2028/9 are
 * escaped too, so the text is also valid inside a JavaScript string.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
