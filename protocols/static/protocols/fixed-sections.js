// Fixed sections of an organisation protocol: shown read-only in the editor. The server refuses
// changes anyway (protocols.sections.validate_protocol); this only saves editors the effort.
(() => {
  const source = document.getElementById('protocol-fixed-sections');
  if (!source) return;
  const keys = JSON.parse(source.dataset.keys);
  const label = source.dataset.label;

  const mark = () => {
    keys.forEach((key) => {
      const block = document.querySelector(`[data-contentpath="body"] [data-contentpath="${CSS.escape(key)}"]`);
      if (!block || block.dataset.protocolFixed) return;
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
