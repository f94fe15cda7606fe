/* Share links (ktt/share.html) are plain links that work without this script. Where the
   browser allows, "Chép địa chỉ" copies the page's address instead of opening it, and on a phone
   "Zalo" opens the phone's own share sheet (where Zalo is listed) with the page's address. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-ktt-copy], [data-ktt-share]") : null;
    if (!link) {
      return;
    }
    var address = document.querySelector('link[rel="canonical"]');
    var url = address ? address.href : location.href;
    if (link.hasAttribute("data-ktt-copy") && navigator.clipboard) {
      event.preventDefault();
      navigator.clipboard.writeText(url).then(function () {
        link.setAttribute("data-ktt-copied", "");
        link.textContent = "Đã chép địa chỉ";
      });
    } else if (link.hasAttribute("data-ktt-share") && navigator.share && navigator.maxTouchPoints > 0) {
      event.preventDefault();
      navigator.share({ title: document.title, url: url }).catch(function () {});
    }
  });
})();
