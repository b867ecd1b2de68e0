# syntax=docker/dockerfile:1
# Two stages: compile and build the index with dev dependencies, run the compiled JavaScript
# with production dependencies only, as a non-root user. Every RUN below is a command CI also
# runs on a fresh clone (test/deploy/dockerfile.test.ts keeps them in step with package.json).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build.mjs scripts/build-if-stale.mjs ./scripts/
COPY src ./src
COPY corpus ./corpus
RUN npm run build
# Built by the compiled code from the image's own corpus: the app finds the digest matching at
# start and serves this index at once instead of building one.
ENV CORPUS_DIR=/app/corpus INDEX_PATH=/app/data/index.json
RUN npm run build:index
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    INDEX_PATH=/app/data/index.json \
    DIGEST_STATE=/app/data/digest-state.json \
    PORT=3000 \
    npm_config_update_notifier=false
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The npm scripts' pre-step (a no-op here: there is no src/ to compile).
COPY --from=build /app/scripts/build-if-stale.mjs ./scripts/
# A corpus mounted at CORPUS_DIR (or git-synced) replaces this one; the app then builds its own
# index. Writable by the app user: `npm run sync` adds feed articles under feeds/.
COPY --from=build --chown=node:node /app/corpus ./corpus
COPY --from=build --chown=node:node /app/data ./data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node directly (not npm) so SIGTERM reaches the app and in-flight work can finish; the other
# commands run the compiled code too: npm run digest|sync|ask|build:index, or node dist/cli/<name>.js.
CMD ["node", "dist/app.js"]
