/** A link to the front page with the given parameters; empty and missing values are left out. */
export function pageHref(params: Readonly<Record<string, string | undefined>>, hash = ""): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") qs.set(k, v);
  const s = qs.toString();
  return `/${s ? `?${s}` : ""}${hash}`;
}
