// fast-check generators for hostile library files: text full of controls, escape sequences,
// entities and odd Unicode; Markdown articles with (sometimes broken) front matter; raw pages
// in the seed's shape; raw bytes. Names refer to each other so links, cycles and ambiguous
// titles come up by themselves.
import fc from 'fast-check';

const E = '\u001b';
export const HOSTILE_PIECES = [
  // C0 / DEL / C1, alone
  '\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\u000c', '\r', '\r\n', '\u000e', '\u001a', E, '\u007f', '\u0080', '\u0085', '\u008d', '\u0090', '\u009b', '\u009c', '\u009d', '\u009f',
  // sequences: SGR, screen clear, cursor moves, window title, clipboard, hyperlink, DCS, bracketed paste, 8-bit CSI/OSC
  `${E}[31m`, `${E}[0m`, `${E}[2J`, `${E}[3J`, `${E}[H`, `${E}[10;10H`, `${E}[?1049l`, `${E}[?25l`, `${E}]0;PWNED${'\u0007'}`, `${E}]2;T${E}\\`,
  `${E}]52;c;UFdORUQ=${'\u0007'}`, `${E}]8;;https://evil.example${E}\\`, `${E}Pq#0;2;0;0;0${E}\\`, `${E}[200~`, `${E}[201~`, `${E}c`, `${E}_apc${E}\\`, '\u009b2J', '\u009d0;C1\u009c',
  // bidi and other invisible / odd code points
  '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200b', '\u200d', '\u00ad', '\u2028', '\u2029', '\ufeff', '\ufffd',
  '\ud800', '\udfff',
  // entities, decoded then cleaned
  '&#27;', '&#x1b;', '&#X1B;', '&#x9b;', '&#155;', '&#7;', '&#0;', '&#x202e;', '&#xd800;', '&#1114112;', '&amp;', '&lt;', '&nbsp;', '&#27;]0;ENT&#7;',
  // wide, combining, RTL, emoji
  '中文', '漢字かなカナ한국어', '全角ＡＢＣ', 'e\u0301', 'a\u0308\u0301\u0323', '\u0e01\u0e34', 'مرحبا بالعالم', 'שלום', '🚢', '👍🏽', '👨‍👩‍👧', '🇫🇷', '⚠️', 'ﷺ',
  // ordinary words and spacing
  'word ', 'Ferry ', 'The ', 'news ', '  ', ' ', '\n', 'longwordwithoutanyspacesatallthatgoesonforeverandeverandever ', 'https://news.example/a/very/long/path/that/goes/on',
];

/** A run of hostile and ordinary text, no longer than `maxPieces` pieces. */
export function hostileText(maxPieces = 12): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HOSTILE_PIECES) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) }), {
      maxLength: maxPieces,
    })
    .map((xs) => xs.join(''));
}

/** A one-line hostile text (a title, a REF, a label). */
export const hostileLine = hostileText(8).map((s) => s.replace(/[\r\n\u2028\u2029]+/g, ' '));

/** Names the generated files take (some hostile): links in one file use the others' names. */
export const FILE_STEMS = ['ferry', 'bridge vote', 'ünïcödé 漢字', 'emoji 🚢', `esc-${E}]0;NAME${'\u0007'}`, 'line\nbreak', 'a', 'a.b', '中文'];

export type FileKind = 'markdown' | 'raw' | 'bytes' | 'html';
export interface GeneratedFile {
  name: string;
  content: string | Uint8Array;
}

/** A YAML scalar: quoted (JSON is YAML), bare (may break the YAML) or a list. */
const yamlValue = fc.oneof(
  hostileLine.map((s) => JSON.stringify(s)),
  hostileLine,
  fc.array(hostileLine.map((s) => JSON.stringify(s)), { maxLength: 3 }).map((xs) => `[${xs.join(', ')}]`),
  fc.constantFrom('2025-04-02', '2025-13-45', 'the day after tomorrow', '[a, b]', '{x: y}', '42', 'null', '~', '"', "'", '|', '>-', '&anchor', '*alias', '!!binary AAAA'),
);

const refValue = fc.oneof(
  fc.constantFrom(...FILE_STEMS).map((s) => JSON.stringify(s)),
  fc.constantFrom(...FILE_STEMS).map((s) => JSON.stringify(`${s}.md`)),
  fc.constantFrom('../../../../../../etc/passwd', '/etc/passwd', '../outside', 'https://news.example/world/ferry', '"Twin"', 'self'),
  yamlValue,
);

const link = fc.oneof(
  fc.tuple(hostileLine, fc.constantFrom(...FILE_STEMS)).map(([label, stem]) => `[${label}](<${stem}.md>)`),
  fc.tuple(hostileLine, hostileLine).map(([label, url]) => `[${label}](https://example.com/${url})`),
  fc.constantFrom(...FILE_STEMS).map((stem) => `[[${stem}]]`),
  hostileLine.map((ref) => `[[${ref}]]`),
  hostileLine.map((ref) => `![[${ref}]]`),
  fc.constantFrom('[p](../../../../../../etc/passwd)', '[[../../../etc/passwd]]', '[x](/etc/passwd)', '[f](file:///etc/passwd)'),
);

const markdownBlock = fc.oneof(
  hostileText(16),
  hostileLine.map((s) => `# ${s}`),
  hostileLine.map((s) => `## ${s}`),
  fc.tuple(fc.constantFrom('Read: ', 'See also: ', '→ READ. ', 'Read also: '), link).map(([opener, l]) => opener + l),
  fc.array(fc.oneof(hostileText(6), link), { maxLength: 6 }).map((xs) => xs.join(' ')),
  fc.array(hostileLine, { maxLength: 4 }).map((xs) => xs.map((x) => `- ${x}`).join('\n')),
  fc.array(hostileLine, { maxLength: 3 }).map((xs) => xs.map((x) => `> ${x}`).join('\n')),
  hostileText(10).map((s) => `\`\`\`\n${s}\n\`\`\``),
  fc.tuple(hostileLine, hostileLine).map(([a, b]) => `| ${a} | b |\n|---|---|\n| ${b} | d |`),
  hostileText(6).map((s) => `<div>${s}</div>`),
);

export const markdownFile: fc.Arbitrary<string> = fc
  .record(
    {
      title: yamlValue,
      section: yamlValue,
      date: yamlValue,
      author: yamlValue,
      related: fc.array(refValue, { maxLength: 4 }),
      previous: refValue,
      next: refValue,
      source: yamlValue,
    },
    { requiredKeys: [] },
  )
  .chain((front) =>
    fc.tuple(fc.constant(front), fc.boolean(), fc.array(markdownBlock, { maxLength: 8 })).map(([fm, withFront, blocks]) => {
      const lines: string[] = [];
      if (withFront) {
        lines.push('---');
        for (const [key, value] of Object.entries(fm)) {
          if (Array.isArray(value)) lines.push(`${key}:`, ...value.map((v) => `  - ${v}`));
          else lines.push(`${key}: ${value}`);
        }
        lines.push('---', '');
      }
      return lines.join('\n') + blocks.join('\n\n');
    }),
  );

/** The seed's shape: breadcrumb+title, repeated title, paragraphs, Read: lines, Previous/Next glued on. */
export const rawPage: fc.Arbitrary<string> = fc
  .record({
    crumb: fc.constantFrom('Home World News', 'Home', '', `Home ${E}[2J World`, 'Accueil Monde'),
    title: hostileLine,
    repeat: fc.boolean(),
    paragraphs: fc.array(fc.oneof(hostileText(14), hostileLine), { maxLength: 6 }),
    reads: fc.array(fc.tuple(fc.constantFrom('Read:\u00a0 ', '→ READ. ', 'Read: ', 'See also: '), fc.oneof(hostileLine, fc.constantFrom(...FILE_STEMS)), fc.constantFrom('“', '"', '«', '')), { maxLength: 3 }),
    previous: fc.option(fc.oneof(hostileLine, fc.constantFrom('Twin', 'ferry', 'Ferry'))),
    next: fc.option(fc.oneof(hostileLine, fc.constantFrom('Twin', 'ferry', 'Ferry'))),
    crlf: fc.boolean(),
  })
  .map(({ crumb, title, repeat, paragraphs, reads, previous, next, crlf }) => {
    const parts = [`${crumb} ${title}`.trimStart(), ''];
    if (repeat) parts.push(title, '', '');
    for (const p of paragraphs) parts.push(p, '');
    for (const [opener, t, q] of reads) parts.push(`${opener}${q}${t}${q === '“' ? '”' : q === '«' ? '»' : q}`, '');
    if (previous !== null) parts.push(`Previous article${previous}`);
    if (next !== null) parts.push(`Next article${next}`);
    const text = parts.join('\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

const htmlPage: fc.Arbitrary<string> = fc
  .record({ title: hostileLine, section: hostileLine, body: fc.array(fc.oneof(hostileText(10), link), { maxLength: 5 }), href: hostileLine })
  .map(
    ({ title, section, body, href }) =>
      `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><meta property="article:section" content="${section}"><link rel="next" href="${href}"></head>` +
      `<body><article><h1>${title}</h1>${body.map((p) => `<p>${p} <a href="${href}">${p.slice(0, 10)}</a></p>`).join('')}</article></body></html>`,
  );

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 64 }),
  hostileText(10).map((s) => Uint8Array.from(Buffer.from(s, 'latin1'))),
  hostileText(10).map((s) => Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]))),
  fc.constant(new Uint8Array(0)),
);

const EXT: Record<FileKind, string[]> = { markdown: ['.md', '.markdown'], raw: ['.txt'], bytes: ['.md', '.txt'], html: ['.html', '.htm'] };

/** One to four files, names drawn from FILE_STEMS (a stem may repeat with another extension). */
export function libraryFiles(kinds: FileKind[]): fc.Arbitrary<GeneratedFile[]> {
  const file = fc.constantFrom(...kinds).chain((kind) =>
    fc.record({
      stem: fc.constantFrom(...FILE_STEMS),
      ext: fc.constantFrom(...EXT[kind]),
      content: (kind === 'markdown' ? markdownFile : kind === 'raw' ? rawPage : kind === 'html' ? htmlPage : bytes) as fc.Arbitrary<string | Uint8Array>,
      sub: fc.constantFrom('', '', 'world/', 'world/deep/'),
    }),
  );
  return fc
    .array(file, { minLength: 1, maxLength: 4 })
    .map((files) => {
      const seen = new Set<string>();
      const out: GeneratedFile[] = [];
      for (const f of files) {
        const name = `${f.sub}${f.stem}${f.ext}`;
        if (seen.has(name)) continue;
        seen.add(name);
        out.push({ name, content: f.content });
      }
      return out;
    });
}
