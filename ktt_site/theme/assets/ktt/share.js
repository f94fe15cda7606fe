/* "Chép địa chỉ": copies the page's address. The link itself is a plain link to the page, so it
   still works (long-press, copy) where this script or the clipboard is unavailable. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-ktt-copy]") : null;
    if (!link || !navigator.clipboard) {
      return;
    }
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      link.setAttribute("data-ktt-copied", "");
      link.textContent = "Đã chép địa chỉ";
    });
  });
})();
