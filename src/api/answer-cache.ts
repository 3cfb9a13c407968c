/**
 * Rendered answers of the reading routes, kept until the data under them changes. A year of curve costs
 * about 60 ms of CPU to read and encode, and the same ranges are asked again and again (cards, the page,
 * dashboards polling): the second time it is a buffer copy. An answer is kept with the store's change
 * stamp (`Store.changeStamp`) read before it was rendered, and served only while the stamp is the same,
 * so any write (a sync, a forget, another process on the same SQLite file) makes it stale. Engines that
 * cannot see other processes' writes (PostgreSQL, MySQL) keep an answer at most a minute.
 *
 * Kept answers carry an `ETag`; a request with a matching `If-None-Match` gets 304 and no body. Bounded
 * in bytes (least recently used first out), and an answer larger than a quarter of the budget is never
 * kept. Only 200 answers of GET routes that opt in with `config: { answerCache: true }`.
 */
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parisToday } from '../domain/time.js';
import type { ChangeStamp } from '../store/change-counter.js';
import type { ApiContext } from './context.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Keep this route's 200 answers in the answer cache. */
    answerCache?: boolean;
  }
}

export interface AnswerCacheLimits {
  /** Bytes of bodies kept in all (default 16 MiB). */
  maxBytes: number;
  /** How long an answer is kept when the engine cannot see other processes' writes (default 60 s). */
  blindTtlMs: number;
}

const DEFAULTS: AnswerCacheLimits = { maxBytes: 16 * 1024 * 1024, blindTtlMs: 60_000 };
const KEPT_HEADERS = ['content-type', 'content-disposition'] as const;

interface Entry {
  stamp: string;
  expires: number;
  body: Buffer;
  etag: string;
  headers: Record<string, string>;
}

const stampText = (s: ChangeStamp) => `${s.local}:${s.external ?? '-'}`;

export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private readonly limits: AnswerCacheLimits;

  constructor(limits: Partial<AnswerCacheLimits> = {}) {
    this.limits = { ...DEFAULTS, ...limits };
  }

  /** Bytes of bodies held now. */
  get size(): number {
    return this.bytes;
  }

  get maxEntryBytes(): number {
    return Math.floor(this.limits.maxBytes / 4);
  }

  get(key: string, stamp: ChangeStamp, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.drop(key);
    if (entry.stamp !== stampText(stamp) || now >= entry.expires) return undefined;
    this.add(key, entry);
    return entry;
  }

  put(key: string, stamp: ChangeStamp, now: number, body: Buffer, headers: Record<string, string>): Entry {
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const expires = stamp.external === null ? now + this.limits.blindTtlMs : Number.POSITIVE_INFINITY;
    const entry = { stamp: stampText(stamp), expires, body, etag, headers };
    this.drop(key);
    if (body.length <= this.maxEntryBytes) this.add(key, entry);
    return entry;
  }

  private add(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    this.bytes += entry.body.length;
    for (const [oldKey] of this.entries) {
      if (this.bytes <= this.limits.maxBytes) break;
      this.drop(oldKey);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

/**
 * True when an `If-None-Match` header names `etag` (weak or strong). `*` is not taken: an answer not
 * held here has no tag to compare, so only a tag this program gave can earn a 304.
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function keyOf(request: FastifyRequest, now: number): string {
  const csv = /\btext\/csv\b/i.test(request.headers.accept ?? '');
  return `${request.url}|${csv ? 'csv' : 'json'}|${parisToday(now)}`;
}

/** A pass-through that keeps a copy of what goes through, up to `limit` bytes; `done` gets it at the end. */
function recorder(limit: number, done: (body: Buffer) => void): Transform {
  let chunks: Buffer[] | null = [];
  let length = 0;
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += buffer.length;
      if (chunks && length <= limit) chunks.push(buffer);
      else chunks = null;
      callback(null, buffer);
    },
    flush(callback) {
      if (chunks) done(Buffer.concat(chunks, length));
      callback();
    },
  });
}

function sendKept(request: FastifyRequest, reply: FastifyReply, entry: Entry): FastifyReply {
  for (const [name, value] of Object.entries(entry.headers)) reply.header(name, value);
  reply.header('etag', entry.etag).header('cache-control', 'private, no-cache');
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.send(entry.body);
}

export function registerAnswerCache(app: FastifyInstance, ctx: ApiContext, cache = new AnswerCache()): void {
  const misses = new WeakMap<FastifyRequest, { key: string; stamp: ChangeStamp; now: number }>();
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.answerCache) return;
    const now = ctx.clock.now();
    const key = keyOf(request, now);
    const stamp = await ctx.store.changeStamp();
    const kept = cache.get(key, stamp, now);
    if (kept) return sendKept(request, reply, kept);
    misses.set(request, { key, stamp, now });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const miss = misses.get(request);
    misses.delete(request);
    if (!miss || reply.statusCode !== 200) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    const keep = (body: Buffer) => cache.put(miss.key, miss.stamp, miss.now, body, headers);
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      reply.header('etag', keep(Buffer.from(payload)).etag).header('cache-control', 'private, no-cache');
      return payload;
    }
    if (!(payload instanceof Readable)) return payload;
    const copy = recorder(cache.maxEntryBytes, keep);
    pipeline(payload, copy).catch(() => undefined);
    return copy;
  });
}
