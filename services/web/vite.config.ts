import { defineConfig } from 'vite';

// The page is served by the API at `/`; assets are hashed, so the API can cache them for long.
export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
});
