// Saved pages shown without Markdown's syntax (issue 14): one fixture per case, each written for
// this project, asserting what the reader sees on screen (rendered, styling off).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlPage, shownPage, LEAKED_SYNTAX } from './html/shownPage.js';

const ADDRESS = '<title>The ferry timetable changes</title><link rel="canonical" href="https://gazette.example/news/ferry">';

/** The screen for a story holding `body`, its title block cut off (the lines after the first blank one). */
async function screen(body: string, width?: number): Promise<string> {
  const text = await shownPage(htmlPage(ADDRESS, `<h1>The ferry timetable changes</h1>${body}`), { width });
  assert.doesNotMatch(text, LEAKED_SYNTAX, text);
  return text;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim());

test('a link around a heading and a paragraph (a teaser card): the heading and the paragraph, the link on the heading', async () => {
  const text = await screen(
    '<p>Opening line of the story, and a long one with commas, to look like text, really.</p>' +
      '<div><a href="/morning"><h3>Good morning from the harbour</h3><div><p>The first boats are out before dawn.</p></div></a></div>' +
      '<p>Closing words of the story, written at length so that it looks, to Readability, like a paragraph.</p>',
  );
  assert.ok(lines(text).includes('Good morning from the harbour (https://gazette.example/morning)'), text);
  assert.ok(lines(text).includes('The first boats are out before dawn.'), text);
});

test('strong text across a <br>: each line strong, no asterisks', async () => {
  const text = await screen('<p><b>Tickets<br></b>Sold at the landing stage.</p><p><strong>One<br>Two</strong> three</p>');
  assert.match(text, /^Tickets$/m);
  assert.match(text, /^Sold at the landing stage\.$/m);
  assert.match(text, /^One$/m);
  assert.match(text, /^Two three$/m);
});

test('adjacent and nested emphasis: <em>b</em><em>y</em> reads "by", <em><em>x</em></em> is not strong', async () => {
  const text = await screen('<p>Written <em>b</em><em>y</em> the <i><i>harbour</i></i> office, <b>twice</b><i>over</i>.</p>');
  assert.match(text, /Written by the harbour office, twiceover\./);
});

test('emphasis beside CJK punctuation keeps no asterisks', async () => {
  const text = await screen('<p>これは<strong>「重要」</strong>です。<em>（注意）</em>して。</p>');
  assert.match(text, /これは「重要」です。（注意）して。/);
});

test('a figure: [image: alt] on its own line, then the caption; an image in a sentence stands apart from its words', async () => {
  const text = await screen('<figure><a href="#img-2"><img src="ferry.jpg" alt="The ferry at dawn"></a><figcaption><a href="#img-2">The ferry leaves at six</a></figcaption></figure><p>Scholarships<img src="logo.png" alt="The gazette logo">The gazette</p>');
  const l = lines(text);
  const at = l.indexOf('[image: The ferry at dawn]');
  assert.ok(at >= 0, text);
  assert.equal(l.slice(at + 1).find((x) => x !== ''), 'The ferry leaves at six');
  assert.match(text, /Scholarships \[image: The gazette logo\] The gazette/);
  assert.doesNotMatch(text, /^ {4}/m);
});

test('images with no alt or a file name for alt are left out', async () => {
  const text = await screen('<p>Before <img src="a.jpg"> middle <img src="performance.jpg" alt="performance.jpg"> after <img src="x" alt="IMG_2041"> end.</p>');
  assert.match(text, /Before middle after end\./);
  assert.doesNotMatch(text, /image:|performance|IMG/);
});

test('an image is a Markdown image of its words: a web address in its alt is no link and eats no bracket', async () => {
  const text = await screen('<ol><li><p>In the settings, choose General.</p></li><li><p><img src="step-2.png" alt="In the text box next to Home page, type www.gazette.example."></p></li></ol>');
  assert.match(text, /^2\. \[image: In the text box next to Home page, type www\.gazette\.example\.\]$/m);
  assert.doesNotMatch(text, /\\\]|\\\[/);
});

test('a linked image after a word stands apart from it, and keeps its link', async () => {
  const text = await screen('<p>Also read: <span>Photo</span><a href="/news/choir"><img src="choir.jpg" alt="The choir at dawn"></a> and more.</p>');
  assert.match(text, /Photo \[image: The choir at dawn\] \(https:\/\/gazette\.example\/news\/choir\) and more\./);
});

test('an image in a span before its credit: markup in the alt is its words, and the credit stands apart', async () => {
  const text = await screen(
    '<p>The office published its hours on Monday, and the counter now opens at nine, every weekday.</p>' +
      '<p><span class="pic"><span class="img">\n <img src="x.jpg" alt="&lt;span style=&quot;font-size:13px;&quot;&gt;Harbour office&lt;/span&gt;">\n</span><span class="credit">© Provided by the gazette</span></span></p>',
  );
  assert.match(text, /^\[image: Harbour office\] © Provided by the gazette$/m);
});

test('an alt that is a file name with spaces or non-Latin letters is left out too', async () => {
  const text = await screen('<p>Before <img src="a.png" alt="Harbour dinosaur head logo.png"> middle <img src="b.jpg" alt="46-1021221港口照片.JPG"> end.</p>');
  assert.match(text, /Before middle end\./);
});

test('superscripts and subscripts: x², H₂O, a footnote mark as written', async () => {
  const text = await screen('<p>Area x<sup>2</sup>, water H<sub>2</sub>O, a note<sup>[1]</sup>, e<sup>iπ</sup>.</p>');
  assert.match(text, /Area x², water H₂O, a note\[1\], e\^iπ\./);
});

test('<pre> with <br> line breaks keeps its lines', async () => {
  const text = await screen('<pre>$ ls<br>notes.txt<br>$ cd notes</pre>');
  const l = lines(text);
  const at = l.indexOf('$ ls');
  assert.ok(at >= 0, text);
  assert.deepEqual(l.slice(at, at + 3), ['$ ls', 'notes.txt', '$ cd notes']);
});

test('a table whose cells hold paragraphs or lists is still a grid, each cell on one line', async () => {
  const text = await screen('<table><tr><th>Boat</th><th>Crossings</th></tr><tr><td><p>The Heron</p><p>since 1961</p></td><td><ul><li>06:30</li><li>08:00</li></ul></td></tr><tr><td>The Tern</td><td>07:15</td></tr></table>');
  const row = text.split('\n').find((l) => l.includes('The Heron'));
  assert.ok(row, text);
  assert.match(row, /The Heron since 1961.*06:30 08:00/);
  assert.ok(text.split('\n').some((l) => /The Tern.*07:15/.test(l)), text);
});

test('MathML is shown as its text: alttext, else the TeX annotation, else its content', async () => {
  const text = await screen('<p>Energy <math alttext="E = mc^2"><mi>E</mi></math>, a sum <math><semantics><mrow><mi>a</mi></mrow><annotation encoding="application/x-tex">a_1 + a_2</annotation></semantics></math>, and <math><mi>z</mi><mo>=</mo><mn>3</mn></math> too.</p>');
  assert.match(text, /Energy E = mc\^2, a sum a_1 \+ a_2, and z = 3 too\./);
});

test('<details> with its <summary>, and definition lists, read as lines of text', async () => {
  const text = await screen('<details><summary>Winter fares</summary>Two pounds a crossing.</details><dl><dt>Season ticket</dt><dd>Valid until spring.</dd></dl>');
  const l = lines(text).filter((x) => x !== '');
  for (const want of ['Winter fares', 'Two pounds a crossing.', 'Season ticket', 'Valid until spring.']) assert.ok(l.includes(want), `${want} in\n${text}`);
});

test('a formula drawn by MathJax (its drawing and its MathML copy in custom elements) is shown once, as a word of its sentence', async () => {
  const formula = (mml: string) =>
    `<mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi><mjx-c class="mjx-c1D44E"></mjx-c></mjx-mi></mjx-math><mjx-assistive-mml display="inline"><math xmlns="http://www.w3.org/1998/Math/MathML">${mml}</math></mjx-assistive-mml></mjx-container>`;
  const text = await screen(`<p>The fare rises when ${formula('<mi>a</mi><mo>≠</mo><mn>0</mn>')}and falls when ${formula('<mi>b</mi><mo>&lt;</mo><mn>2</mn>')}, the office said, in a long sentence.</p><p>Another paragraph of the story, long enough to be kept, with commas, and words.</p>`);
  assert.match(text, /The fare rises when a ≠ 0 and falls when b < 2, the office said/);
});
