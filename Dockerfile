# One image for the API (which serves the built web app) and the worker; docker-compose.yml picks the
# command. deploy/dockerfile.test.ts checks the rules below in `npm test`, since CI has no Docker engine.

# Node 24 LTS (supported until April 2028) with npm 11, which honours package.json "allowScripts".
FROM node:24-bookworm-slim AS build
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1
# Manifests first, so the dependency layer is rebuilt only when one of them changes, not on every
# source edit. Every workspace's manifest is needed: npm ci refuses a lockfile naming a missing one.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY tooling/eslint/package.json tooling/eslint/
COPY tooling/repo-scripts/package.json tooling/repo-scripts/
COPY deploy/package.json deploy/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund
# What the processes read at run time, and nothing else: manifests (module resolution, the version),
# production node_modules, each runtime workspace's dist/, the built web app, the worker's healthcheck.
RUN mkdir -p /out/apps/web /out/deploy \
 && cp -a package.json node_modules /out/ \
 && for ws in apps/api packages/core packages/db; do \
      mkdir -p "/out/$ws" && cp -a "$ws/package.json" "$ws/dist" "/out/$ws/" \
      && if [ -d "$ws/node_modules" ]; then cp -a "$ws/node_modules" "/out/$ws/"; fi; \
    done \
 && cp -a apps/web/dist /out/apps/web/ \
 && cp -a deploy/worker-healthcheck.mjs /out/deploy/

FROM node:24-bookworm-slim AS runtime
# glibc's allocator settings of scripts/heap.mjs (decision 144): two arenas, and blocks of 1 MiB or more
# always mapped, so the memory of image-decode and sign-in bursts goes back.
# NODE_OPTIONS: the heap settings of scripts/heap.mjs (decision 106); an operator's NODE_OPTIONS
# replaces them (keep all three flags, changed, when setting your own).
ENV NODE_ENV=production \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=1048576 \
    NODE_OPTIONS="--max-old-space-size=160 --max-semi-space-size=16 --v8-pool-size=0"
WORKDIR /app
# Owned by root and read-only to the app: only DATA_DIR (uploads, mail files) is writable.
COPY --from=build /out /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# The API's readiness: database and Redis answer. The worker container replaces it (docker-compose.yml).
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "apps/api/dist/server.js"]
