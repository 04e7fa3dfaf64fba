// The last step (Controleren en versturen) on a phone: the summary's parts start folded, so the page
// stays short; each part's title opens it. On a wider screen, and without JavaScript, all
// parts are open.
(function () {
  var phone = window.matchMedia("(max-width: 48em)");
  var parts = document.querySelectorAll(".melden-summary__details");
  function fold(closed) {
    parts.forEach(function (details) {
      details.open = !closed;
    });
  }
  if (phone.matches) fold(true);
  phone.addEventListener("change", function (event) {
    if (!event.matches) fold(false);
  });
})();
