# syntax=docker/dockerfile:1
# nwcheck bot: build once, run as a non-root user on node:20-slim.
#   docker build -t nwcheck-bot .
#   docker run -p 3978:3978 --env-file .env -v nwcheck-data:/data nwcheck-bot

FROM node:20-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when its prebuilt binary cannot be downloaded
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# --ignore-scripts: the project's own `prepare` (build + bin link) needs the sources, which are
# copied below; native modules are rebuilt explicitly instead.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY tsconfig.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    HOST=0.0.0.0 \
    DATA_DIR=/data \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root cards ./cards
COPY --chown=root:root samples ./samples
# the app files stay root-owned (read-only for the service); only DATA_DIR is writable
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec form: node itself receives SIGTERM (graceful shutdown); run with `--init` (or the
# platform's init) so orphaned children are reaped
# the same node flags as `npm start` (heap cap: peak RSS; see docs/perf.md)
CMD ["node", "--max-old-space-size=160", "dist/main.js"]
