import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake registry answers one request. */
export interface ScriptedAnswer {
  status?: number;
  /** Sent as is when a string, as JSON otherwise. */
  body?: unknown;
  /** Wait this long before answering (the client may give up first). */
  delayMs?: number;
}

export interface RegistryServer {
  url: string;
  /** Requests received so far, in order, with their headers. */
  readonly requests: IncomingHttpHeaders[];
  /** Queues answers for the next requests; after them, `otherwise` answers. */
  script(...answers: ScriptedAnswer[]): void;
  /** What answers once the script is used up (and clears the script). */
  otherwise(answer: ScriptedAnswer): void;
  close(): Promise<void>;
}

/** A scriptable registry on 127.0.0.1, on a port of its own. */
export async function startRegistryServer(initial: ScriptedAnswer = {}): Promise<RegistryServer> {
  let queue: ScriptedAnswer[] = [];
  let fallback = initial;
  const requests: IncomingHttpHeaders[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    requests.push(request.headers);
    const answer = queue.shift() ?? fallback;
    const send = () => {
      const body =
        typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? null);
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
      response.end(body);
    };
    if (!answer.delayMs) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!response.destroyed) send();
    }, answer.delayMs);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/snapshot`,
    requests,
    script: (...answers) => {
      queue.push(...answers);
    },
    otherwise: (answer) => {
      queue = [];
      fallback = answer;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
