import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../server/integration/channel-secrets.ts';

/**
 * A finance system on loopback for outbound tests: it checks every request's signature and
 * timestamp (`x-cairn-signature`, `x-cairn-timestamp`) with the channel's secret, answers from a
 * script (a status code, or 'hang' for no answer at all; 200 once the script is used up) and
 * records every request, so a second delivery of an event shows.
 */
export type Answer = 200 | 400 | 429 | 500 | 'hang';

export interface Received {
  eventId: string;
  attempt: number;
  at: number;
  body: { id: string; type: string; occurredAt: string; data: Record<string, unknown> };
  signatureOk: boolean;
  answer: Answer;
}

export interface FinanceReceiver {
  url: string;
  received: Received[];
  /** Answers for the next requests, in order. */
  script: Answer[];
  /** The secret the receiver checks signatures with (set once the channel answers it). */
  secret: string;
  forEvent(eventId: string): Received[];
  close(): Promise<void>;
}

export async function startFinanceReceiver(): Promise<FinanceReceiver> {
  const hanging: http.ServerResponse[] = [];
  const receiver: FinanceReceiver = {
    url: '',
    received: [],
    script: [],
    secret: '',
    forEvent: (eventId) => receiver.received.filter((r) => r.eventId === eventId),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = String(req.headers['x-cairn-signature'] ?? '');
      const check = verifySignature(signature, receiver.secret, raw);
      const t = /t=(\d+)/.exec(signature)?.[1];
      const body = JSON.parse(raw) as Received['body'];
      const answer = receiver.script.shift() ?? 200;
      receiver.received.push({
        eventId: String(req.headers['x-cairn-event-id']),
        attempt: Number(req.headers['x-cairn-delivery-attempt']),
        at: Date.now(),
        body,
        signatureOk: check.ok && req.headers['x-cairn-timestamp'] === t && body.id === req.headers['x-cairn-event-id'],
        answer,
      });
      if (!check.ok) res.writeHead(401).end();
      else if (answer === 'hang') hanging.push(res);
      else res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/finance`;
  return receiver;
}
