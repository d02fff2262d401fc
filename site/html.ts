/** Tiny HTML helpers for the static catalogue: everything from the dataset is escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface PageShell {
  title: string;
  /** Path from this page to the site root ("" or "../"). */
  root: string;
  body: string;
  script?: string;
}

export function page({ title, root, body, script }: PageShell): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${root}style.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav aria-label="Site"><a href="${root}index.html">PortPilot presets</a> <a href="${root}contribute.html">Contribute</a></nav></header>
<main id="main">
${body}
</main>
<footer><p>Port numbers come from the pages each preset cites. Made by the PortPilot project; MIT licence.</p></footer>
${script ? `<script type="module" src="${root}${script}"></script>` : ''}
</body>
</html>
`;
}
