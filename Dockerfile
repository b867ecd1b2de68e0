# syntax=docker/dockerfile:1
# Two stages: build with dev dependencies (index built here), run with production
# dependencies only, as a non-root user. Every RUN below is a command CI also runs on a
# fresh clone (test/deploy/dockerfile.test.ts keeps them in step with package.json).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY corpus ./corpus
ENV CORPUS_DIR=/app/corpus INDEX_PATH=/app/data/index.json
RUN npm run build:index
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    INDEX_PATH=/app/data/index.json \
    DIGEST_STATE=/app/data/digest-state.json \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/src ./src
# The corpus can be replaced by mounting a volume at CORPUS_DIR; the app re-indexes it.
COPY --from=build /app/corpus ./corpus
COPY --from=build --chown=node:node /app/data ./data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node directly (not npm) so SIGTERM reaches the app and in-flight work can finish.
CMD ["node", "--import", "tsx", "src/app.ts"]
