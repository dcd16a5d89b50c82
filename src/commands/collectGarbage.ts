// A full garbage collection, asked for by the reader when it has read a large library afresh:
// once the articles are linked and once the cache is saved. V8 lets its heap grow to a multiple
// of what was live at its last full collection; a cold load of 100,000 files leaves some 300 MB
// of records and link maps that are garbage once the library is linked, and the cache's save and
// the search index built next piled onto them before V8 collected any: ~640 MB at the peak,
// against ~530 with these two collections (~0.2 s each at that size, after a load of tens of
// seconds). `gc` is exposed for a context of its own only, as jest's leak detector does.
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
