// What a file that is not an article is, by its extension: the word it is shown with
// (`[image: …]`, `[pdf: …]`, `[file: …]`).
import type { AttachmentKind } from './types.js';

const KINDS = new Map<string, AttachmentKind>();
for (const e of ['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'avif', 'ico', 'tif', 'tiff', 'heic']) KINDS.set(e, 'image');
for (const e of ['mp3', 'wav', 'm4a', 'ogg', 'oga', 'flac', 'aac', 'opus', '3gp']) KINDS.set(e, 'audio');
for (const e of ['mp4', 'webm', 'ogv', 'mov', 'mkv', 'avi', 'm4v']) KINDS.set(e, 'video');
KINDS.set('pdf', 'pdf');

/** The kind of the file a name (or a REF, `#fragment` and all) names. */
export function attachmentKind(name: string): AttachmentKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name.replace(/#.*$/, ''))?.[1].toLowerCase() ?? '';
  return KINDS.get(ext) ?? 'file';
}
