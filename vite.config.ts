import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer: relative asset paths so the same build loads over file:// (Electron) and HTTP.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120' },
});
