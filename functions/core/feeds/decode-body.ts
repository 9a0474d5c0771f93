/** Bytes to text. UTF-8 for now; charset detection arrives with the ingestion hardening. */
export function decodeBody(body: Uint8Array, _contentType?: string): string {
  return new TextDecoder("utf-8").decode(body);
}
