import { defineConfig } from "vitest/config";

// React's automatic JSX runtime through esbuild: no Babel plugin needed for a production build.
export default defineConfig({
  base: "./",
  esbuild: { jsx: "automatic" },
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false },
  test: { include: ["test/**/*.test.ts"], environment: "node", testTimeout: 30000 },
});
