/** The variables journeys read; tests and scripts get this module, application code gets env.ts. */
export const testEnv = {
  chromiumPath: process.env.CHROMIUM_PATH || undefined,
  redisUrl: process.env.REDIS_URL || "redis://127.0.0.1:6379",
};
