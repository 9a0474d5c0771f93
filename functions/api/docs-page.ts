import { createHash } from "node:crypto";

/**
 * GET /docs: Swagger UI from jsDelivr, pinned to one release with Subresource Integrity, under a CSP
 * that allows scripts and styles from that origin only. The hashes were computed from the files of the
 * npm tarball swagger-ui-dist@5.35.0, which jsDelivr serves unchanged: upgrading means changing the
 * version and all three hashes together (`npm pack swagger-ui-dist@<v>` and
 * `openssl dgst -sha384 -binary <file> | base64`), or the browser refuses the files.
 */
export const SWAGGER_UI_VERSION = "5.35.0";
export const SWAGGER_UI_ORIGIN = "https://cdn.jsdelivr.net";
const BASE = `${SWAGGER_UI_ORIGIN}/npm/swagger-ui-dist@${SWAGGER_UI_VERSION}`;

export const SWAGGER_UI_ASSETS = {
  css: { href: `${BASE}/swagger-ui.css`, integrity: "sha384-WlYgdmXYOOBWL5apwjDEZwN+U3HmXSSu5R6V5aGxEcf7z+KuRNwBhoxKVN1i3D5I" },
  bundle: { href: `${BASE}/swagger-ui-bundle.js`, integrity: "sha384-gjRm0bEPMeTmMh5jT2cHccIwCUZSTd8YC+j0d0sXw0MdGEfScduGpSyF3ZSSLkX9" },
  preset: { href: `${BASE}/swagger-ui-standalone-preset.js`, integrity: "sha384-My2aDM4r2Mbm3ybHcubKm9O9U8FEjvF/O5nGvE9YK5dzqOTbWEKa79RPJ1krdMaF" },
} as const;

// validatorUrl: null keeps the page from sending the document to validator.swagger.io.
const INIT =
  'window.ui=SwaggerUIBundle({url:"/openapi.json",dom_id:"#swagger-ui",deepLinking:true,validatorUrl:null,' +
  "presets:[SwaggerUIBundle.presets.apis,SwaggerUIStandalonePreset],layout:\"BaseLayout\"});";
const INIT_HASH = `sha256-${createHash("sha256").update(INIT).digest("base64")}`;

/**
 * Only the pinned CDN files and the one inline initializer (by hash) may run, and only the CDN's
 * stylesheet may style the page (Swagger UI 5 sets its inline styles through the DOM, which CSP allows;
 * checked in Chromium with the tarball's files). Images include its data: icons.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${SWAGGER_UI_ORIGIN} '${INIT_HASH}'`,
  `style-src ${SWAGGER_UI_ORIGIN}`,
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const DOCS_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": DOCS_CSP,
  // The CDN needs no referrer, and the page's URL may carry a deep link into the docs.
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "public, max-age=300",
};

const tag = (a: { href: string; integrity: string }, kind: "css" | "js") =>
  kind === "css"
    ? `<link rel="stylesheet" href="${a.href}" integrity="${a.integrity}" crossorigin="anonymous">`
    : `<script src="${a.href}" integrity="${a.integrity}" crossorigin="anonymous"></script>`;

export const DOCS_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dabyl API</title>
${tag(SWAGGER_UI_ASSETS.css, "css")}
</head>
<body>
<div id="swagger-ui"><p>Loading the API reference… It needs ${SWAGGER_UI_ORIGIN}; the document itself is at <a href="/openapi.json">/openapi.json</a>.</p></div>
${tag(SWAGGER_UI_ASSETS.bundle, "js")}
${tag(SWAGGER_UI_ASSETS.preset, "js")}
<script>${INIT}</script>
</body>
</html>
`;
