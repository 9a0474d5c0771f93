/**
 * Checks responses against the API's own /openapi.json. A small JSON Schema (2020-12 subset) validator:
 * it knows the keywords the document uses and throws on any other, so a schema it cannot read fails
 * the test instead of passing silently. No OpenAPI validator package is installed; this is enough.
 */
type Schema = Record<string, unknown>;
export type OpenApiDoc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
type Operation = { parameters?: { name: string; in: string; schema?: Schema; example?: unknown }[]; responses: Record<string, Response_> };
type Response_ = { content?: Record<string, { schema?: Schema; example?: unknown }> };

const ANNOTATIONS = new Set(["description", "example", "examples", "default", "title", "deprecated", "readOnly", "writeOnly", "externalDocs"]);
const KNOWN = new Set([
  ...ANNOTATIONS, "$ref", "type", "properties", "required", "items", "enum", "const", "format", "pattern",
  "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "allOf", "anyOf", "oneOf",
  "additionalProperties", "minItems", "maxItems", "nullable",
]);

const typeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : typeof v === "number" ? (Number.isInteger(v) ? "integer" : "number") : typeof v;

function resolve(doc: OpenApiDoc, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  const name = ref.replace("#/components/schemas/", "");
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`unresolvable $ref ${ref}`);
  return resolve(doc, target);
}

/** Every way `value` breaks `schema`, as "path: reason" strings; empty when it conforms. */
export function schemaErrors(doc: OpenApiDoc, schema: Schema, value: unknown, at = "$"): string[] {
  const s = resolve(doc, schema);
  for (const k of Object.keys(s)) if (!KNOWN.has(k)) throw new Error(`validator does not support keyword "${k}" at ${at}`);
  const errors: string[] = [];
  const t = typeOf(value);
  if (s.type !== undefined) {
    const types = (Array.isArray(s.type) ? s.type : [s.type]) as string[];
    const ok = types.some((x) => x === t || (x === "number" && t === "integer"));
    if (!ok) return [`${at}: expected ${types.join("|")}, got ${t}`];
  }
  if (s.enum && !(s.enum as unknown[]).some((e) => e === value)) errors.push(`${at}: ${JSON.stringify(value)} not in ${JSON.stringify(s.enum)}`);
  if ("const" in s && s.const !== value) errors.push(`${at}: expected ${JSON.stringify(s.const)}`);
  if (typeof value === "string") {
    if (typeof s.minLength === "number" && [...value].length < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && [...value].length > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    if (typeof s.pattern === "string" && !new RegExp(s.pattern, "u").test(value)) errors.push(`${at}: does not match ${s.pattern}`);
    if (s.format === "date-time" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) errors.push(`${at}: not a date-time`);
    if (s.format === "uri" && !URL.canParse(value)) errors.push(`${at}: not a URI`);
  }
  if (typeof value === "number") {
    if (typeof s.minimum === "number" && value < s.minimum) errors.push(`${at}: below ${s.minimum}`);
    if (typeof s.maximum === "number" && value > s.maximum) errors.push(`${at}: above ${s.maximum}`);
    if (typeof s.exclusiveMinimum === "number" && value <= s.exclusiveMinimum) errors.push(`${at}: not above ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === "number" && value >= s.exclusiveMaximum) errors.push(`${at}: not below ${s.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (s.items) value.forEach((v, i) => errors.push(...schemaErrors(doc, s.items as Schema, v, `${at}[${i}]`)));
    if (typeof s.minItems === "number" && value.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
    if (typeof s.maxItems === "number" && value.length > s.maxItems) errors.push(`${at}: more than ${s.maxItems} items`);
  }
  if (t === "object") {
    const obj = value as Record<string, unknown>;
    for (const r of (s.required as string[] | undefined) ?? []) if (!(r in obj)) errors.push(`${at}: missing ${r}`);
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const [k, v] of Object.entries(obj)) {
      if (props[k]) errors.push(...schemaErrors(doc, props[k], v, `${at}.${k}`));
      else if (s.additionalProperties === false) errors.push(`${at}: unexpected property ${k}`);
      else if (typeof s.additionalProperties === "object") errors.push(...schemaErrors(doc, s.additionalProperties as Schema, v, `${at}.${k}`));
    }
  }
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) errors.push(...schemaErrors(doc, sub, value, at));
  if (s.anyOf && !(s.anyOf as Schema[]).some((sub) => schemaErrors(doc, sub, value, at).length === 0)) errors.push(`${at}: matches no anyOf branch`);
  if (s.oneOf && (s.oneOf as Schema[]).filter((sub) => schemaErrors(doc, sub, value, at).length === 0).length !== 1) errors.push(`${at}: must match exactly one oneOf branch`);
  return errors;
}

/** The documented path template a concrete path falls under, if any. */
export function findPath(doc: OpenApiDoc, path: string): string | undefined {
  const templates = Object.keys(doc.paths);
  if (templates.includes(path)) return path;
  return templates.find((t) => new RegExp(`^${t.replace(/[.]/g, "\\.").replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path));
}

export interface SeenResponse {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

const PROBLEM = { $ref: "#/components/schemas/Problem" };

/** Why a response breaks the contract, or [] when it keeps it. */
export function responseErrors(doc: OpenApiDoc, r: SeenResponse): string[] {
  const where = `${r.method} ${r.path} -> ${r.status}`;
  const type = (r.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const problemCheck = (): string[] => {
    if (r.method === "HEAD") return r.body === "" ? [] : [`${where}: body on HEAD`];
    if (type !== "application/problem+json") return [`${where}: content-type ${type}, expected application/problem+json`];
    return schemaErrors(doc, PROBLEM, JSON.parse(r.body)).map((e) => `${where}: ${e}`);
  };
  // CORS preflights are answered by the CORS middleware on any path.
  if (r.method === "OPTIONS") return r.status < 500 ? [] : [`${where}: preflight failed`];
  const template = findPath(doc, r.path);
  // Middlewares run before routing: a body too large or a client over its limit is answered on any path.
  if (!template) return [404, 413, 429].includes(r.status) ? problemCheck() : [`${where}: undocumented path answered ${r.status}`];
  const item = doc.paths[template] ?? {};
  const method = r.method.toLowerCase() === "head" ? "get" : r.method.toLowerCase();
  const op = item[method];
  if (!op) {
    if (r.status === 413 || r.status === 429) return problemCheck();
    if (r.status !== 405) return [`${where}: a method the path does not document should be 405`];
    if (!r.headers.get("allow")) return [`${where}: 405 without an Allow header`];
    return problemCheck();
  }
  const declared = op.responses[String(r.status)] ?? op.responses.default;
  if (!declared) return [`${where}: status not documented (documented: ${Object.keys(op.responses).join(", ")})`];
  if (r.status === 304 || r.method === "HEAD") return r.body === "" ? [] : [`${where}: body on a ${r.status} / HEAD`];
  const media = declared.content?.[type];
  if (!media) return [`${where}: content-type ${type} not documented (${Object.keys(declared.content ?? {}).join(", ")})`];
  if (!media.schema) return [];
  // JSON bodies (problem+json and feed+json included) are checked as JSON; the XML feeds are documented as strings.
  const value = type === "application/json" || type.endsWith("+json") ? JSON.parse(r.body) : r.body;
  return schemaErrors(doc, media.schema, value).map((e) => `${where}: ${e}`);
}
