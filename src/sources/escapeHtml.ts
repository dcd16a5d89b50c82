// Plain text a source gives (an Atom `type="text"` summary, a JSON Feed's content_text, a CSV's
// excerpt) made into HTML that shows exactly those characters, for the saved-page reader.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}
