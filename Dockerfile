# syntax=docker/dockerfile:1
# One image for the seven services; the Helm chart (deploy/helm/payments) picks the entry point:
#   node dist/apps/<app>/src/main.js      the service
#   node dist/apps/<app>/src/migrate.js   its schema migrations (pre-install/pre-upgrade Job)
# Build: docker build -t payments:dev .

ARG NODE_IMAGE=node:20-slim

# --- manifests: only the package files, so the install stays cached until dependencies change.
FROM ${NODE_IMAGE} AS manifests
WORKDIR /src
COPY . .
RUN mkdir -p /manifests \
 && cp package.json package-lock.json /manifests/ \
 && find apps libs -mindepth 2 -maxdepth 2 -name package.json -exec cp --parents {} /manifests/ \;

# --- build: compile TypeScript (and the Prisma clients), then drop the dev dependencies.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true NX_NO_CLOUD=true NX_DAEMON=false
COPY --from=manifests /manifests/ ./
# No install scripts: none of ours needs one, and some try to download binaries.
# npm ci refuses the lock file (npm/cli#4828: other platforms' optional binaries are left out of it).
RUN npm install --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && mkdir -p /out/apps \
 && cp -r dist node_modules package.json /out/ \
 && for schema in apps/*/prisma; do mkdir -p "/out/$(dirname "$schema")" && cp -r "$schema" "/out/$schema"; done \
 && mkdir -p /out/libs/contracts && cp -r libs/contracts/proto /out/libs/contracts/proto \
 && mkdir -p /out/libs/payment-initiation && cp -r libs/payment-initiation/schemas /out/libs/payment-initiation/schemas \
 && mkdir -p /out/apps/gateway && cp -r apps/gateway/console /out/apps/gateway/console

# --- runtime: compiled code, production dependencies, the SQL migrations and the .proto files the
# services load at run time (libs/contracts/proto: the registers' and the internal gRPC APIs), the
# ISO 20022 schema payout files are checked against (libs/payment-initiation/schemas), the
# operators' console page (apps/gateway/console; uPlot comes with node_modules); nothing else.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only for the app: the chart also mounts the root filesystem read-only.
COPY --from=build /out/ ./
# The one writable folder: PGlite data of the embedded mode (the default command below).
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# The image's `node` user, by number so Kubernetes can verify runAsNonRoot.
USER 1000:1000
EXPOSE 3000 3001 3002 3003 3004 3005 3006 50051
# The embedded mode (all services in one process) when no entry point is given.
CMD ["node", "dist/apps/embedded/src/main.js"]
