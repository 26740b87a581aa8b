// A plan's home in a file (the File System Access API of Chrome and Edge), for
// src/ui/file_home.rs: the pickers, reading and writing a file whole, the permission to
// write, and the handles kept in IndexedDB, the one storage that can keep them, so that
// after a restart one click reopens a linked plan from its file. Beside each handle, the
// text last written to its file: the version a colleague's later version is merged over,
// even after a restart. And for every plan, linked or not, the last few copies this
// browser downloaded or opened whole, by digest (src/ui/copies.rs).
window.jalonFiles = (() => {
  const TYPES = [{ description: 'Plan Jalon', accept: { 'application/json': ['.json'] } }];
  const stamp = (file) => ({ name: file.name, modified: file.lastModified, size: file.size });
  const handles = (mode, use) => new Promise((ok, ko) => {
    const opening = indexedDB.open('jalon-files', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('handles');
    opening.onerror = () => ko(opening.error);
    opening.onsuccess = () => {
      const done = opening.result.transaction('handles', mode);
      const request = use(done.objectStore('handles'));
      done.oncomplete = () => ok(request.result ?? null);
      done.onerror = () => ko(done.error);
    };
  });
  return {
    available: () => typeof window.showSaveFilePicker === 'function' && typeof window.showOpenFilePicker === 'function',
    pickToSave: (suggestedName) => window.showSaveFilePicker({ suggestedName, types: TYPES, id: 'jalon' }),
    pickToOpen: async () => (await window.showOpenFilePicker({ types: TYPES, id: 'jalon' }))[0],
    stamp: async (handle) => stamp(await handle.getFile()),
    // The file's bytes, not its text: decoding 25 MB into a string would hold the page.
    read: async (handle) => {
      const file = await handle.getFile();
      return { ...stamp(file), bytes: new Uint8Array(await file.arrayBuffer()) };
    },
    // Written whole to a copy the browser puts in place on close: a failed write
    // leaves the previous file as it was. `bytes` is a view of the module's memory,
    // copied before anything is awaited. Once written, the text is kept as the base of
    // the plan `key` before the write is said done: the page records the file's new
    // version only then, so a reload right after cannot find that version without its
    // text. A base that cannot be kept only makes a later merge ask more.
    write: async (handle, bytes, key) => {
      const copy = bytes.slice();
      const writable = await handle.createWritable();
      try {
        await writable.write(copy);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => {});
        throw error;
      }
      await handles('readwrite', (store) => store.put(new Blob([copy]), `base.${key}`)).catch(() => {});
      return stamp(await handle.getFile());
    },
    // The bytes last written to the file of the plan `key`, or null.
    base: async (key) => {
      const blob = await handles('readonly', (store) => store.get(`base.${key}`));
      return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
    },
    // Keeps `bytes` (a view of the module's memory, copied at once) as the copy
    // `digest` of the plan `key`, before the last two kept; `fresh` forgets those.
    keepCopy: async (key, digest, bytes, fresh) => {
      const text = new Blob([bytes.slice()]);
      const kept = fresh ? [] : (await handles('readonly', (store) => store.get(`copies.${key}`))) ?? [];
      const copies = [{ digest, text }, ...kept.filter((c) => c.digest !== digest)].slice(0, 3);
      await handles('readwrite', (store) => store.put(copies, `copies.${key}`));
    },
    // The text of the copy `digest` of the plan `key`, or null.
    copy: async (key, digest) => {
      const kept = (await handles('readonly', (store) => store.get(`copies.${key}`))) ?? [];
      const found = kept.find((c) => c.digest === digest);
      return found ? found.text.text() : null;
    },
    // Calls `told` when the file changes, where the browser can tell (FileSystemObserver);
    // returns what stops watching, or null.
    watch: (handle, told) => {
      if (typeof FileSystemObserver !== 'function') return null;
      let watching = true;
      const observer = new FileSystemObserver(() => watching && told());
      observer.observe(handle).catch(() => {});
      return () => { watching = false; observer.disconnect(); };
    },
    // Chrome and Edge, since version 122, offer « Autoriser à chaque visite » when they
    // ask again for the permission to write a file.
    remembers: () => (navigator.userAgentData?.brands ?? [])
      .some((b) => /Chrom|Edge/.test(b.brand) && Number(b.version) >= 122),
    // 'granted', 'prompt' or 'denied'; asked of the user only on a click (`ask`).
    permission: async (handle, ask) => {
      const mode = { mode: 'readwrite' };
      let state = handle.queryPermission ? await handle.queryPermission(mode) : 'granted';
      if (state === 'prompt' && ask) state = await handle.requestPermission(mode);
      return state;
    },
    remember: (key, handle) => handles('readwrite', (store) => store.put(handle, key)),
    recall: (key) => handles('readonly', (store) => store.get(key)),
    forget: (key) => handles('readwrite', (store) => {
      store.delete(`base.${key}`);
      return store.delete(key);
    }),
    forgetCopies: (key) => handles('readwrite', (store) => store.delete(`copies.${key}`)),
    // Whether the browser keeps this page's storage when space runs short.
    persist: async () => {
      if (!navigator.storage || !navigator.storage.persist) return 'unknown';
      if (await navigator.storage.persisted()) return 'granted';
      return (await navigator.storage.persist()) ? 'granted' : 'denied';
    },
  };
})();
