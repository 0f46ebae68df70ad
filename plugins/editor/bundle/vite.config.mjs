// One bundle of Sveltia CMS with its fonts, workers and WebAssembly, all served from /admin/.
// plugins/editor/bundle.py runs it with EDITOR_OUT set to the folder to write.
export default {
  base: './',
  logLevel: 'warn',
  build: {
    outDir: process.env.EDITOR_OUT,
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: 'main.js' },
  },
};
