// Saved pages written for these tests (never copied from a real site), one or more metadata
// rules each: what the metadata pass and full extraction must agree on.
const STORY = '<p>The ferry across the river kept running through the winter, with the night crossing added in March after the bridge closed for repairs. Riders said the boat was full most evenings.</p><p>The town council will vote on the timetable next week.</p>';

export const METADATA_PAGES: Record<string, string> = {
  // og:title with the site's name after a separator; og:site_name says which part it is.
  'site-suffix.html': `<!doctype html><html><head><title>The ferry keeps running | River Gazette</title>
<meta property="og:title" content="The ferry keeps running | River Gazette"><meta property="og:site_name" content="River Gazette">
<link rel="canonical" href="https://gazette.example/2025/03/ferry"></head>
<body><header><nav><a href="/">Home</a></nav><h1><a href="/">River Gazette</a></h1></header>
<article><h1>The ferry keeps running</h1><p class="byline">By Ana Ruiz - 4 March 2025</p>${STORY}</article></body></html>`,
  // No meta author: the byline element in the article; a comment's byline outside it is someone else's.
  'byline-element.html': `<html><head><title>Night market reopens</title></head><body>
<div class="comments"><span class="author">Someone Else</span></div>
<main><h1>Night market reopens</h1><div class="article-meta"><a rel="author" href="/people/li">Li Wei</a><time datetime="2025-04-02T18:30:00Z">2 April</time></div>${STORY}</main>
<footer><time datetime="2020-01-01">old</time></footer></body></html>`,
  // A schema.org Person's name; JSON-LD date; a breadcrumb list with a localised Home and the page itself.
  'person-breadcrumbs.html': `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Le bac du soir</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2025-05-06T07:15:00+02:00"}</script></head>
<body><nav class="breadcrumb"><ol><li><a href="/">Accueil</a></li><li><a href="/regions">Régions</a></li><li><a href="/regions/loire">Loire</a></li><li aria-current="page">Le bac du soir</li></ol></nav>
<article><h1>Le bac du soir</h1><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Claire Martin</span></span>${STORY}</article></body></html>`,
  // Previous/next: a rel link with no words of its own, and a "Next article:" label in the page's footer.
  'prev-next.html': `<!doctype html><html><head><title>Bridge vote delayed</title><link rel="prev" href="/2025/02/bridge-vote-called-2596981.html"></head>
<body><article><h1>Bridge vote delayed</h1>${STORY}</article>
<div class="pager"><p>Next article: <a href="https://gazette.example/2025/04/night-market-reopens/">Next story →</a></p></div></body></html>`,
  // No <html>, <head> or <body> at all; a microdata trail; a meta author.
  'no-skeleton.html': `<title>Timetable for the summer</title><meta name="author" content="Sam Okafor">
<div itemscope itemtype="https://schema.org/BreadcrumbList"><span itemprop="itemListElement"><a href="/"><span itemprop="name">Home</span></a></span> › <span itemprop="itemListElement"><a href="/transport"><span itemprop="name">Transport</span></a></span></div>
<h1>Timetable for the summer</h1>${STORY}`,
  // A logo <h1> in the page's banner, <base href>, a date in the article beats one elsewhere, CJK separator.
  'banner-logo.html': `<!doctype html><html><head><base href="https://news.example/zh/"><title>渡轮继续运行｜河流日报</title><meta property="og:site_name" content="河流日报"></head>
<body><div id="masthead"><h1>河流日报</h1></div><time datetime="2019-09-09">x</time>
<article><h1>渡轮继续运行</h1><time pubdate datetime="2025-01-20">1月20日</time>${STORY}</article>
<a rel="next" href="ferry-2.html" title="渡轮的第二部分">下一页</a></body></html>`,
  // A run-of-text trail, an unreadable date (a problem), and a title only in the <h1>.
  'text-trail.html': `<html><head><meta property="article:published_time" content="sometime soon"></head><body>
<div id="breadcrumbs"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/world/rivers">Rivers</a></div>
<div class="post"><h1>Rivers of the north</h1><div class="author-box">Written by Jo Park on 3 June</div>${STORY}</div></body></html>`,
  // The share title (og:title) is worded for clicks; the JSON-LD article's headline is the page's own, and wins.
  'jsonld-headline.html': `<!doctype html><html><head><title>You will not believe this ferry - Gazette</title>
<meta property="og:title" content="You will not believe this ferry">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Night ferry added after bridge closure","author":{"@type":"Person","name":"Ana Ruiz"}}</script></head>
<body><article><h1>Night ferry added after bridge closure</h1>${STORY}</article></body></html>`,
  // Dublin Core title and creator, declared as properties, before og:title and the author meta.
  'dublin-core.html': `<!doctype html><html><head><title>Tide tables</title>
<meta property="og:title" content="Tide tables for everyone"><meta name="author" content="Web Team">
<meta property="dc:title" content="Tide tables for the estuary"><meta property="dc:creator" content="Mo Hassan"></head>
<body><h1>Tide tables for the estuary</h1>${STORY}</body></html>`,
};
