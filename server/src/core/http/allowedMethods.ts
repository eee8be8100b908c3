/**
 * Which methods a path answers to, from the list of registered routes ("METHOD /url"): a request
 * with another method on a known path is 405 with an `Allow` header, not 404. Fastify's router
 * matches one method at a time, so the route patterns are compiled here once (find-my-way syntax:
 * `:param`, `:param(regex)`, `::` for a literal colon, `*`). Catch-all routes (`*`, e.g. the CORS
 * preflight) do not make every path "known".
 */
export function allowedMethodsTable(routes: readonly string[]): (path: string) => string[] {
  const patterns: { method: string; re: RegExp }[] = [];
  for (const route of routes) {
    const space = route.indexOf(' ');
    const method = route.slice(0, space);
    const url = route.slice(space + 1);
    if (url.includes('*')) continue;
    patterns.push({ method, re: patternOf(url) });
  }
  return (path) => {
    const found = new Set<string>();
    for (const p of patterns) if (p.re.test(path)) found.add(p.method);
    if (found.has('GET')) found.add('HEAD');
    return [...found].sort();
  };
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function patternOf(url: string): RegExp {
  let re = '';
  let i = 0;
  while (i < url.length) {
    if (url.startsWith('::', i)) { re += ':'; i += 2; continue; }
    if (url[i] !== ':') { re += escape(url[i]); i += 1; continue; }
    let j = i + 1;
    while (j < url.length && /[A-Za-z0-9_]/.test(url[j])) j += 1;
    let value = '[^/]+?';
    if (url[j] === '(') {
      // A parameter with its own regular expression: find the matching parenthesis.
      let depth = 0;
      let k = j;
      for (; k < url.length; k += 1) {
        if (url[k] === '(') depth += 1;
        else if (url[k] === ')' && --depth === 0) break;
      }
      value = url.slice(j + 1, k).replace(/^\^/, '').replace(/\$$/, '');
      j = k + 1;
    }
    if (url[j] === '?') { value = `(?:${value})?`; j += 1; }
    re += `(?:${value})`;
    i = j;
  }
  return new RegExp(`^${re}$`);
}
