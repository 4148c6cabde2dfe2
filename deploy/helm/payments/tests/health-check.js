// `helm test`: every Service of the release answers 200 on /health/ready (the app is up and
// reaches its PostgreSQL, Kafka and Redis). HEALTH_TARGETS: JSON [{ "app": name, "url": url }].
const ATTEMPTS = 3;

async function ready({ app, url }) {
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return `${app}: ready`;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`${app}: ${url} not ready after ${ATTEMPTS} attempts (${last})`);
}

async function main() {
  const targets = JSON.parse(process.env.HEALTH_TARGETS ?? '[]');
  if (targets.length === 0) throw new Error('HEALTH_TARGETS names no Service');
  const results = await Promise.allSettled(targets.map(ready));
  for (const result of results) console.log(result.status === 'fulfilled' ? result.value : result.reason.message);
  if (results.some((result) => result.status === 'rejected')) process.exit(1);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
