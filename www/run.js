// The page's main script, after the module's glue (scripts/bundle.mjs puts them together):
// waits for what www/start.js began (the module compiled, the stylesheet adopted), then
// starts the application.
const { module, style, failed, mark } = window.jalonStart;
delete window.jalonStart;
try {
  await style;
  await __wbg_init({ module_or_path: await module });
  // The first render (src/ui marks it) may end a few tasks later; the first frame that
  // starts after it shows it. Looked for during five seconds at most.
  let frames = 0;
  const painted = () => {
    if (performance.getEntriesByName('jalon-first-render').length) setTimeout(() => mark('jalon-painted'), 0);
    else if (++frames < 300) requestAnimationFrame(painted);
  };
  requestAnimationFrame(painted);
} catch (error) {
  failed(error);
}
