# syntax=docker/dockerfile:1
# Standalone image of MyElectricalData Client Local.
#   npm ci && npm run build
#   docker build -t myelectricaldata-client-local .
#   docker run -d -e CLIENT_ID=… -e CLIENT_SECRET=… -e GATEWAY_URL=… -v myelectricaldata_data:/data \
#     -p 8080:8080 myelectricaldata-client-local
# Build context: the repository root after `npm run build` (the image ships the prebuilt esbuild bundle; it
# never compiles TypeScript). Only better-sqlite3 is installed in the image, compiled for Alpine's musl in
# the first stage; no dev dependencies. Pin the digest with your registry tooling (Renovate) when publishing.

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
COPY dist/ ./
# The data folder belongs to the unprivileged `node` user of the base image; a named volume inherits it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/api/health" || exit 1
# Node runs as PID 1 and handles SIGTERM itself: it closes the API, exporters and database, then exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/main.mjs"]
CMD ["start"]
LABEL org.opencontainers.image.title="MyElectricalData Client Local" \
      org.opencontainers.image.description="Linky smart-meter data from the MyElectricalData gateway, kept at home" \
      org.opencontainers.image.source="https://github.com/MyElectricalData/myelectricaldata-client-local" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${BUILD_VERSION}" \
      org.opencontainers.image.created="${BUILD_DATE}" \
      org.opencontainers.image.revision="${BUILD_REF}"
