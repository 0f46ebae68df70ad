// The browser editor at /admin/: Sveltia CMS from the site itself, never from a CDN.
// plugins/editor/page.py writes the page that loads this; config.yml sits beside it.
import CMS from '@sveltia/cms';

// The preview pane shows an entry with the site's own stylesheet and fonts.
for (const meta of document.querySelectorAll('meta[name="editor-preview-style"]')) {
  CMS.registerPreviewStyle(new URL(meta.content, document.baseURI).href);
}

CMS.init();
