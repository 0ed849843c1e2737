# One image for every Netra service; docker-compose picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json tsconfig.base.json ./
COPY packages ./packages
COPY services ./services
COPY migrations ./migrations
COPY demo ./demo
COPY data ./data
RUN npm ci --no-audit --no-fund && npm cache clean --force
USER node
# Overridden per service in docker-compose.yml.
CMD ["npx", "tsx", "services/review/src/main.ts"]
