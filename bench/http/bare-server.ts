import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

// The physical limit of the HTTP path: a bare Fastify route returning the very bytes of the
// real endpoint's response, with no logging, hooks, validation or database.
const body = readFileSync(process.argv[2]!);
const app = Fastify();
app.get('/api/v1/units', (_request, reply) => {
  reply.type('application/json; charset=utf-8').send(body);
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`bare route at ${address}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
