// Fixed sections of an organisation protocol: read-only in the editor, without the controls that
// would delete, duplicate or move them. The panel's CSS hides those controls before this runs;
// this script removes them and makes the content inert. The server refuses such changes anyway
// (protocols.validation.validate_protocol).
(() => {
  const source = document.getElementById('protocol-fixed-sections');
  if (!source) return;
  const keys = JSON.parse(source.dataset.keys);
  const label = source.dataset.label;
  const actions = ['DELETE', 'DUPLICATE', 'MOVE_UP', 'MOVE_DOWN', 'DRAG']
    .map((name) => `[data-streamfield-action="${name}"]`)
    .join(',');

  const mark = () => {
    keys.forEach((key) => {
      const block = document.querySelector(
        `[data-contentpath="body"] [data-streamfield-child][data-contentpath="${CSS.escape(key)}"]`,
      );
      if (!block) return;
      block.querySelectorAll(actions).forEach((button) => button.remove());
      if (block.dataset.protocolFixed) return;
      block.dataset.protocolFixed = 'true';
      const content = block.querySelector('[data-block-content], .w-panel__content') || block;
      content.setAttribute('inert', '');
      content.style.opacity = '0.75';
      const note = document.createElement('p');
      note.className = 'help-block help-info';
      note.textContent = label;
      content.before(note);
    });
  };
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  mark();
})();
