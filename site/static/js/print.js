// Buttons with data-print open the print dialog (no inline handlers: see the CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
