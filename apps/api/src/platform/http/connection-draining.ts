import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Lets a shutdown finish promptly. Requests in flight when the server starts closing would
 * leave their keep-alive connections open until the client's idle timeout, holding the
 * process; answering them with `Connection: close` ends each connection with its response.
 */
export const connectionDraining = fp(
  async (app: FastifyInstance) => {
    let draining = false;
    app.addHook('preClose', async () => {
      draining = true;
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (draining) reply.header('connection', 'close');
      done(null, payload);
    });
  },
  { name: 'connection-draining' },
);
