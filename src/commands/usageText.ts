// The text of `broadsheet --help`: SPEC §2's synopsis, kept in one place.
export const USAGE = `broadsheet: a terminal reader for collections of linked articles

Usage:
  broadsheet [PATH ...]                 open the reader (default PATH: the bundled guide)
  broadsheet [PATH ...] --open REF      start in the reader on that article
  broadsheet show REF [PATH ...]        print one rendered article and exit
  broadsheet list [PATH ...] [--json]   print the library and exit
  broadsheet check [PATH ...] [--json]  report broken links and unreadable files
  broadsheet import SOURCE... --out DIR turn raw pages, saved HTML pages or http(s)
                                        URLs into Markdown with front matter; a feed
                                        (RSS, Atom, RDF, JSON Feed), OPML list, Pocket or
                                        Instapaper CSV, Omnivore folder, bookmarks file
                                        or list of URLs imports each of its items
  broadsheet config                     print the settings in effect and where each
                                        comes from (config.yaml, flags, defaults)

Options:
  --width N             lay text out at N columns (default: terminal width, at most 100)
  --color, --no-color   force colour on or off (NO_COLOR is honoured)
  --theme NAME          auto, dark, light or none (over the config file's theme)
  --hyperlinks, --no-hyperlinks
                        links as clickable terminal hyperlinks, or never (default:
                        when the terminal supports them)
  --mouse, --no-mouse   the mouse in the reader: wheel scrolls, click follows
  --watch, --no-watch   the reader reloads files changed while it runs, or not (default: on)
  --json                machine-readable output for list and check
  --force               let import overwrite existing files (and import known items again)
  --since DATE          import only feed and export items dated DATE or later
  --limit N             import at most N new items from each feed or export
  -h, --help            show this help
  -v, --version         show the version

A PATH is a folder (read recursively) or a file: .md .markdown .txt .html .htm.
A REF is an article id (guide/basics/scrolling), a file path, a source URL or a title.
In the reader, press ? for the keys.
`;

export const USAGE_HINT = "Try 'broadsheet --help'.";
