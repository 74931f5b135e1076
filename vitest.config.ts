import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Concurrent suites start real ZooKeeper servers: a few at a time keeps their start-up timely on 2 cores.
    maxConcurrency: 3,
  },
});
