/**
 * The api's per-bid work measured step by step in this process (issue 19), with the functions the
 * bid route calls: body validation (the compiled schema, and the DTO's class-transformer and
 * class-validator path it replaces for valid bids), canonical JSON, SHA-256, AES-256-GCM sealing,
 * the Ed25519 receipt, and the envelope: an HTTP round trip to an empty Fastify route.
 */
import { randomUUID } from 'node:crypto';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { loadConfig } from '@fairtender/config';
import {
  canonicalJson,
  generateDataKey,
  receiptKeyId,
  sealContent,
  sha256,
  signReceipt,
  unwrapDataKey,
} from '@fairtender/crypto';
import { BidDto } from '../apps/api/src/bidding/dto/bid.dto';
import { passesCompiledBody } from '../apps/api/src/http/compiled-bodies';
import { createValidationPipe } from '../apps/api/src/http/validation';

const ROUNDS = 2000;

async function microseconds(work: () => unknown): Promise<number> {
  for (let i = 0; i < 200; i += 1) await work();
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i += 1) await work();
  return Number(process.hrtime.bigint() - started) / 1e3 / ROUNDS;
}

export async function measureBidSteps(body: unknown): Promise<[string, number][]> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test' });
  const pipe = createValidationPipe();
  const metadata: ArgumentMetadata = { type: 'body', metatype: BidDto, data: undefined };
  const key = unwrapDataKey(config.sealing.masterKey, generateDataKey(config.sealing.masterKey));
  const json = canonicalJson(body);
  const plaintext = Buffer.from(json, 'utf8');
  const payload = {
    tenderId: randomUUID(),
    supplierId: 'rush-supplier-1',
    contentHash: sha256(json).toString('hex'),
    receivedAt: new Date().toISOString(),
    streamName: `tender-x.bid-rush-supplier-1`,
    revision: 0,
    position: '1234-5678',
    eventId: randomUUID(),
    kind: 'BidSubmitted' as const,
  };
  const signingKey = config.receipts.keyObject;
  return [
    ['validation, compiled schema', await microseconds(() => passesCompiledBody(BidDto, body))],
    [
      'validation, class-transformer + class-validator',
      await microseconds(() => ValidationPipe.prototype.transform.call(pipe, body, metadata)),
    ],
    ['canonical JSON of the content', await microseconds(() => canonicalJson(body))],
    ['SHA-256 of it', await microseconds(() => sha256(json))],
    ['AES-256-GCM seal', await microseconds(() => sealContent(key, 'k', plaintext, 'aad'))],
    [
      'Ed25519 receipt (canonical JSON, sign)',
      await microseconds(() => signReceipt(signingKey, payload)),
    ],
    ['receipt key id (in the receipt)', await microseconds(() => receiptKeyId(signingKey))],
  ];
}
