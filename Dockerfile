# One image for every Netra service; docker-compose picks the entry point per service.
# Containers run compiled JavaScript with plain `node`: nothing is fetched at start, so the image
# runs air-gapped and its code is exactly what was built.

# Compile with the dev dependencies (TypeScript) into dist/, a complete app tree (ops/build.mjs).
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund --ignore-scripts && npm run build

# The production dependencies of that tree only: no tsx, no TypeScript toolchain, no test tools.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY --from=build /src/dist/ ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# Root owns the code (a compromised service cannot rewrite it); the services run as `node`.
COPY --from=deps /app ./
# Images are read by Debian's Tesseract (Indonesian and English models): nothing fetched at run time.
# DejaVu: the fonts the simulator's posters are drawn in (the sim profile). Chromium: the media
# service opens reported links in it (headless, as an anonymous visitor).
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng fonts-dejavu-core chromium \
  && rm -rf /var/lib/apt/lists/* \
  && mkdir -p /var/lib/netra/media && chown node:node /var/lib/netra/media
USER node
# Overridden per service in docker-compose.yml; `npm run migrate`, `npm run users -- …` and the
# other operator scripts also run the compiled entries.
CMD ["node", "services/review/src/main.js"]
