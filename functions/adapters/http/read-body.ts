import type { IncomingMessage } from "node:http";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";

/** The body grew past the cap (after decompression). */
export class BodyTooLarge extends Error {}
/** A Content-Encoding dabyl cannot undo. */
export class UnsupportedEncoding extends Error {}

// Z_SYNC_FLUSH: a compressed stream the server cut short yields what arrived instead of an error,
// so a truncated feed can still give its complete items.
const lenient = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
const brotliLenient = { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH };

function decoderFor(encoding: string | undefined) {
  const enc = (encoding ?? "").trim().toLowerCase();
  if (!enc || enc === "identity") return undefined;
  // createUnzip reads both gzip and zlib-wrapped deflate, whichever the server really sent.
  if (enc === "gzip" || enc === "x-gzip" || enc === "deflate") return zlib.createUnzip(lenient);
  if (enc === "br") return zlib.createBrotliDecompress(brotliLenient);
  throw new UnsupportedEncoding(`unsupported Content-Encoding "${enc}"`);
}

/**
 * Reads a response body, decompressing it, and stops as soon as the decompressed size passes
 * `maxBytes`: a gzip/deflate/br bomb costs at most the cap plus one zlib chunk of memory.
 */
export async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const decoder = decoderFor(res.headers["content-encoding"]);
  const declared = Number(res.headers["content-length"]);
  if (!decoder && Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new BodyTooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let over = false;
  const sink = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) {
        over = true;
        throw new BodyTooLarge();
      }
      chunks.push(chunk);
    }
  };
  try {
    if (decoder) await pipeline(res, decoder, sink);
    else await pipeline(res, sink);
  } catch (e) {
    // Tearing the pipeline down can surface as an abort from another stage; the cause is the cap.
    if (over) throw new BodyTooLarge();
    throw e;
  }
  return Buffer.concat(chunks, total);
}
