# syntax=docker/dockerfile:1
# Standalone image of MyElectricalData Client Local, built from a clean clone (no prebuilt dist/ needed):
#   docker build -t myelectricaldata-client-local .
#   docker run -d -e CLIENT_ID=… -e CLIENT_SECRET=… -e GATEWAY_URL=… -v myelectricaldata_data:/data \
#     -p 8080:8080 myelectricaldata-client-local
# Published for linux/amd64 and linux/arm64 as ghcr.io/myelectricaldata/myelectricaldata-client-local
# (.github/workflows/release.yml). Needs BuildKit (the default builder of Docker 23+).
# Stages:
#   bundle  - `npm ci` and `npm run build` (esbuild) on the build machine's own platform: the bundle is plain
#             JavaScript, the same for every architecture. Install scripts are skipped: the build needs no
#             native module (esbuild ships its binary as a package), so better-sqlite3 is not compiled twice.
#   modules - better-sqlite3 compiled from source for the target platform and Alpine's musl (python3, make,
#             g++), production dependencies only; only it and what it requires are kept.
#   final   - the bundle and those modules: no dev dependency, no esbuild, no compiler.

FROM --platform=$BUILDPLATFORM node:24-alpine3.22 AS bundle
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY build.config.ts tsconfig.json tsconfig.page.json ./
COPY drizzle/ ./drizzle/
COPY src/ ./src/
COPY lovelace-cards/ ./lovelace-cards/
RUN npm run build

FROM node:24-alpine3.22 AS modules
RUN apk add --no-cache python3 make g++
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY scripts/docker/runtime-modules.sh /usr/local/bin/runtime-modules
RUN sh /usr/local/bin/runtime-modules /build/node_modules /runtime

FROM node:24-alpine3.22
ARG BUILD_VERSION=dev
ARG BUILD_DATE
ARG BUILD_REF
ENV NODE_ENV=production \
    DATA_DIR=/data \
    API_HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY --from=modules /runtime/node_modules ./node_modules
COPY --from=bundle /build/dist/ ./
# The data folder belongs to the unprivileged `node` user (uid 1000) of the base image; a named volume
# inherits it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["sh", "-c", "wget -q -O /dev/null \"http://127.0.0.1:${PORT}/api/health\" || exit 1"]
# Node runs as PID 1 and handles SIGTERM itself: it closes the API, exporters and database, then exits 0.
STOPSIGNAL SIGTERM
# --optimize-for-size: V8 favours memory over speed (peak RSS of a full sync about 125 instead of 170 MiB).
# --invocation-count-for-turbofan=45000 (Node 22 and 24; 3000 by default): V8's optimizing compiler waits for
# 15 times more calls before it optimizes a function, so code that runs only at start-up is never optimized:
# 72 instead of 77.5 MiB idle after start on Node 24.22; long work is still optimized (README, Performance).
# Node 20 has no such flag (node would refuse to start): this image runs Node 24, the add-on Alpine's Node (22+).
# bench/startup.ts reads these flags from here; addon/run.sh uses the same ones (tests check both).
ENTRYPOINT ["node", "--optimize-for-size", "--invocation-count-for-turbofan=45000", "/app/main.mjs"]
CMD ["start"]
LABEL org.opencontainers.image.title="MyElectricalData Client Local" \
      org.opencontainers.image.description="Linky smart-meter data from the MyElectricalData gateway, kept at home" \
      org.opencontainers.image.source="https://github.com/MyElectricalData/myelectricaldata-client-local" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${BUILD_VERSION}" \
      org.opencontainers.image.created="${BUILD_DATE}" \
      org.opencontainers.image.revision="${BUILD_REF}"
