/**
 * `html/assets/style.css`: the one stylesheet of the site. Readable measure, system fonts, light and
 * dark schemes, text contrast of at least 4.5:1 everywhere (checked by axe-core in the tests).
 */
export const STYLESHEET = `:root {
  color-scheme: light dark;
  --text: #1f2328;
  --muted: #57606a;
  --background: #ffffff;
  --surface: #f6f8fa;
  --border: #d0d7de;
  --link: #0550ae;
  --target: #fff8c5;
  --tutorial-bg: #dafbe1; --tutorial-fg: #116329;
  --how-to-bg: #ddf4ff; --how-to-fg: #0550ae;
  --reference-bg: #fbefff; --reference-fg: #6639ba;
  --explanation-bg: #fff1e5; --explanation-fg: #953800;
  --uncategorized-bg: #eaeef2; --uncategorized-fg: #424a53;
}

@media (prefers-color-scheme: dark) {
  :root {
    --text: #e6edf3;
    --muted: #9198a1;
    --background: #0d1117;
    --surface: #161b22;
    --border: #30363d;
    --link: #58a6ff;
    --target: #3b2e00;
    --tutorial-bg: #12261e; --tutorial-fg: #56d364;
    --how-to-bg: #0c2d6b; --how-to-fg: #a5d6ff;
    --reference-bg: #271052; --reference-fg: #d2a8ff;
    --explanation-bg: #3d1300; --explanation-fg: #ffa657;
    --uncategorized-bg: #21262d; --uncategorized-fg: #c9d1d9;
  }
}

*, *::before, *::after { box-sizing: border-box; }

html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }

body {
  margin: 0;
  background: var(--background);
  color: var(--text);
  font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
}

.site-header, main, .site-footer {
  max-width: 46rem;
  margin: 0 auto;
  padding: 0 1.25rem;
}

.site-header { padding-top: 1rem; padding-bottom: 0.5rem; border-bottom: 1px solid var(--border); max-width: none; }
.site-nav { max-width: 43.5rem; margin: 0 auto; }
.site-nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; margin: 0; padding: 0; list-style: none; font-size: 0.9375rem; }
.site-nav li + li::before { content: "/"; margin-right: 0.5rem; color: var(--muted); }
.site-nav .site-name { font-weight: 600; }
.search-link { display: block; max-width: 43.5rem; margin: 0.25rem auto 0; font-size: 0.9375rem; }

main { padding-top: 2rem; padding-bottom: 2rem; }
main:focus { outline: none; }

.skip-link { position: absolute; left: -999px; top: 0.5rem; padding: 0.5rem 0.75rem; background: var(--background); border: 2px solid var(--link); border-radius: 0.375rem; z-index: 1; }
.skip-link:focus { left: 0.5rem; }

.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0;
}

a { color: var(--link); text-underline-offset: 0.15em; }
a:not([href]) { color: inherit; }
a:hover { text-decoration-thickness: 2px; }
pre:focus-visible, table:focus-visible, input:focus-visible, button:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; }
a:focus-visible, main :target:focus-visible { outline: 2px solid var(--link); outline-offset: 2px; border-radius: 2px; }

h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 2rem 0 0.75rem; font-weight: 650; }
h1 { font-size: 2rem; margin-top: 0.5rem; letter-spacing: -0.01em; }
h2 { font-size: 1.4rem; padding-bottom: 0.3rem; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.175rem; }
h4, h5, h6 { font-size: 1rem; }

p, ul, ol, dl, blockquote, pre, table, details { margin: 0 0 1rem; }
ul, ol { padding-left: 1.5rem; }
li > ul, li > ol { margin-top: 0.25rem; margin-bottom: 0.25rem; }
li + li { margin-top: 0.25rem; }
.contains-task-list { padding-left: 0.25rem; }
.task-list-item { list-style: none; }
.task-list-item input { margin: 0 0.5rem 0 0; vertical-align: middle; }

blockquote { margin-left: 0; padding: 0 1rem; color: var(--muted); border-left: 0.25rem solid var(--border); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
img { max-width: 100%; height: auto; }

code, kbd, samp, pre { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.875em; }
:not(pre) > code { padding: 0.15em 0.35em; background: var(--surface); border: 1px solid var(--border); border-radius: 0.3rem; overflow-wrap: break-word; }
pre { padding: 1rem; overflow-x: auto; background: var(--surface); border: 1px solid var(--border); border-radius: 0.5rem; line-height: 1.45; }
kbd { padding: 0.1em 0.4em; border: 1px solid var(--border); border-bottom-width: 2px; border-radius: 0.3rem; background: var(--surface); }

table { border-collapse: collapse; display: block; max-width: 100%; overflow-x: auto; }
th, td { padding: 0.4rem 0.75rem; border: 1px solid var(--border); text-align: left; vertical-align: top; }
th { background: var(--surface); }

.document-header { margin-bottom: 1.5rem; }
.document-header h1 { margin-bottom: 0.5rem; }
.description { font-size: 1.125rem; color: var(--muted); margin-bottom: 0.5rem; }
.document-meta { color: var(--muted); font-size: 0.9375rem; }
.document-header .question { font-size: 1.25rem; font-weight: 600; margin-bottom: 0.5rem; }

.search-form label { display: block; font-weight: 600; margin-bottom: 0.5rem; }
.search-row { display: flex; gap: 0.5rem; }
.search-row input { flex: 1; min-width: 0; padding: 0.5rem 0.75rem; font: inherit; color: var(--text); background: var(--background); border: 1px solid var(--muted); border-radius: 0.375rem; }
.search-row button { padding: 0.5rem 1rem; font: inherit; color: var(--background); background: var(--link); border: 0; border-radius: 0.375rem; cursor: pointer; }
.search-results { padding: 0; list-style: none; }
.search-results li { padding: 0.75rem 0; border-bottom: 1px solid var(--border); margin: 0; }
.search-results .description { font-size: 0.9375rem; margin: 0.25rem 0 0; }
mark { background: var(--target); color: var(--text); }

.badge {
  display: inline-block; margin: 0; padding: 0.1rem 0.6rem; border-radius: 999px;
  font-size: 0.8125rem; font-weight: 600; letter-spacing: 0.02em; line-height: 1.6;
  background: var(--uncategorized-bg); color: var(--uncategorized-fg);
}
.badge-tutorial { background: var(--tutorial-bg); color: var(--tutorial-fg); }
.badge-how-to { background: var(--how-to-bg); color: var(--how-to-fg); }
.badge-reference { background: var(--reference-bg); color: var(--reference-fg); }
.badge-explanation { background: var(--explanation-bg); color: var(--explanation-fg); }

.entry + .entry { margin-top: 2.5rem; }
.entry .question { border-bottom: 0; }

sup { line-height: 0; }
[data-footnote-ref] { padding: 0 0.1em; text-decoration: none; font-weight: 600; }
[data-footnote-ref]::before { content: "["; }
[data-footnote-ref]::after { content: "]"; }

.footnotes, .provenance, .further-reading { margin-top: 2.5rem; font-size: 0.9375rem; }
.footnotes h2, .provenance h2, .further-reading h2 { font-size: 1.1rem; }
.footnotes ol { padding-left: 1.75rem; }
.footnotes li p { margin: 0; overflow-wrap: anywhere; }
.data-footnote-backref { margin-left: 0.25rem; text-decoration: none; }
:target { background: var(--target); border-radius: 0.25rem; scroll-margin-top: 1rem; }

.neighbour-nav { margin-top: 2rem; border-top: 1px solid var(--border); padding-top: 1rem; }
.neighbour-nav ul { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5rem 1.5rem; padding: 0; margin: 0; list-style: none; }
.neighbour-nav li { margin: 0; }
.neighbour-next { margin-left: auto; text-align: right; }
.neighbour-direction { color: var(--muted); }

.provenance p { margin-bottom: 0.25rem; }
.provenance-note { color: var(--muted); }

.index-header { margin-bottom: 1rem; }
.category-nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; }
.category-nav li + li { margin-top: 0; }
.category { margin-top: 2rem; }
.category h2 { display: flex; align-items: center; gap: 0.75rem; font-size: 1.25rem; }
.category h2 .badge { font-size: 1rem; }
.count { color: var(--muted); font-weight: 400; font-size: 0.9375rem; }
.document-list { padding: 0; list-style: none; }
.document-list li { padding: 0.75rem 0; border-bottom: 1px solid var(--border); margin: 0; }
.document-link { font-weight: 600; font-size: 1.0625rem; }
.document-list .description { font-size: 0.9375rem; margin: 0.25rem 0 0; }
.document-path { margin: 0.25rem 0 0; color: var(--muted); font-size: 0.8125rem; }

.site-footer { padding-top: 1rem; padding-bottom: 2rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.875rem; }
.site-footer p { margin: 0 0 0.25rem; }

@media print {
  .site-header, .skip-link { display: none; }
  a { color: inherit; }
}
`;
