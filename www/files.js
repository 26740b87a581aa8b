// A plan's home in a file (the File System Access API of Chrome and Edge), for
// src/ui/file_home.rs: the pickers, reading and writing a file whole, the permission to
// write, and the handles kept in IndexedDB, the one storage that can keep them, so that
// after a restart one click reopens a linked plan from its file.
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
    read: async (handle) => {
      const file = await handle.getFile();
      return { ...stamp(file), text: await file.text() };
    },
    // Written whole to a copy the browser puts in place on close: a failed write
    // leaves the previous file as it was. `bytes` is a view of the module's memory,
    // copied before anything is awaited.
    write: async (handle, bytes) => {
      const copy = bytes.slice();
      const writable = await handle.createWritable();
      try {
        await writable.write(copy);
        await writable.close();
      } catch (error) {
        await writable.abort().catch(() => {});
        throw error;
      }
      return stamp(await handle.getFile());
    },
    // 'granted', 'prompt' or 'denied'; asked of the user only on a click (`ask`).
    permission: async (handle, ask) => {
      const mode = { mode: 'readwrite' };
      let state = handle.queryPermission ? await handle.queryPermission(mode) : 'granted';
      if (state === 'prompt' && ask) state = await handle.requestPermission(mode);
      return state;
    },
    remember: (key, handle) => handles('readwrite', (store) => store.put(handle, key)),
    recall: (key) => handles('readonly', (store) => store.get(key)),
    forget: (key) => handles('readwrite', (store) => store.delete(key)),
    // Whether the browser keeps this page's storage when space runs short.
    persist: async () => {
      if (!navigator.storage || !navigator.storage.persist) return 'unknown';
      if (await navigator.storage.persisted()) return 'granted';
      return (await navigator.storage.persist()) ? 'granted' : 'denied';
    },
  };
})();
