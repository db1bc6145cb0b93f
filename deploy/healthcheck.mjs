// Container health check without curl (the slim image has none): GET /healthz on the port
// given as the first argument (default: PORT), healthy on 200.
const port = process.argv[2] ?? process.env.PORT ?? '3000';
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(4_000),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
